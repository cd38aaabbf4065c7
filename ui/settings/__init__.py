"""Parts of the Settings tab: the settings form and the provisioning server's certificate."""
