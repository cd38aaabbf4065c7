<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccessLogDialog</name>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="46"/>
        <source>Provisioning access log</source>
        <translation>Provisioning-Zugriffsprotokoll</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="56"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="56"/>
        <source>Client IP</source>
        <translation>Client-IP</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="56"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="56"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="56"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="57"/>
        <source>User agent</source>
        <translation>User-Agent</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="66"/>
        <source>Filter (IP, device, reason, user agent)</source>
        <translation>Filter (IP, Gerät, Grund, User-Agent)</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="67"/>
        <source>Shows only the entries containing this text in any column.</source>
        <translation>Zeigt nur die Einträge, die diesen Text in einer beliebigen Spalte enthalten.</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="69"/>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="71"/>
        <source>R&amp;efusals only</source>
        <translation>Nur &amp;Abweisungen</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="72"/>
        <source>Only requests the server refused: unknown or retired access keys, bad requests.</source>
        <translation>Nur Anfragen, die der Server abgewiesen hat: unbekannte oder stillgelegte Zugangsschlüssel, fehlerhafte Anfragen.</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="74"/>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="76"/>
        <source>Read the log again (it also updates by itself).</source>
        <translation>Das Protokoll neu lesen (es aktualisiert sich auch selbst).</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="93"/>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="176"/>
        <source>served</source>
        <translation>ausgeliefert</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="177"/>
        <source>unknown access key</source>
        <translation>unbekannter Zugangsschlüssel</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="178"/>
        <source>retired access key</source>
        <translation>stillgelegter Zugangsschlüssel</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="179"/>
        <source>unknown file</source>
        <translation>unbekannte Datei</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="180"/>
        <source>malformed path</source>
        <translation>fehlerhafter Pfad</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="181"/>
        <source>method not allowed</source>
        <translation>Methode nicht erlaubt</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="182"/>
        <source>bad request</source>
        <translation>fehlerhafte Anfrage</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="183"/>
        <source>request too large</source>
        <translation>Anfrage zu groß</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="184"/>
        <source>possible misuse: retired key</source>
        <translation>möglicher Missbrauch: stillgelegter Schlüssel</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="192"/>
        <source>%1 of line %2</source>
        <translation>%1 der Leitung %2</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="194"/>
        <source>(deleted device)</source>
        <translation>(gelöschtes Gerät)</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="215"/>
        <source>%1 of the latest %2 entries shown.</source>
        <translation>%1 der letzten %2 Einträge angezeigt.</translation>
    </message>
    <message>
        <location filename="../../ui/status/access_log_dialog.py" line="215"/>
        <source>%2 entries.</source>
        <translation>%2 Einträge.</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../ui/pbx/accounts.py" line="23"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/accounts.py" line="23"/>
        <source>TopStop limit</source>
        <translation>TopStop-Limit</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/accounts.py" line="25"/>
        <source>Select an account to change it below; Enter moves to its name.</source>
        <translation>Wählen Sie ein Konto, um es unten zu ändern; Enter springt zu seinem Namen.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/accounts.py" line="31"/>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/accounts.py" line="32"/>
        <source>Account &amp;name:</source>
        <translation>Konto&amp;name:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/accounts.py" line="33"/>
        <source>The account&apos;s name, unique in this vPBX.</source>
        <translation>Der Name des Kontos, eindeutig in dieser vPBX.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/accounts.py" line="34"/>
        <source>TopStop l&amp;imit:</source>
        <translation>TopStop-L&amp;imit:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/accounts.py" line="35"/>
        <source>A charge limit for the account&apos;s lines, e.g. 50 or 49.90; empty: none.</source>
        <translation>Ein Gebührenlimit für die Leitungen des Kontos, z. B. 50 oder 49.90; leer: keins.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/accounts.py" line="38"/>
        <source>New acc&amp;ount</source>
        <translation>Neues K&amp;onto</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/accounts.py" line="39"/>
        <source>Clears the fields to enter a new account.</source>
        <translation>Leert die Felder, um ein neues Konto einzugeben.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/accounts.py" line="41"/>
        <source>S&amp;ave account</source>
        <translation>Konto &amp;speichern</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/accounts.py" line="42"/>
        <source>Saves the account shown in the fields.</source>
        <translation>Speichert das in den Feldern angezeigte Konto.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/accounts.py" line="53"/>
        <source>TopStop limits the charges after misuse: set it for the vPBX (Exchange page), per account here, and per line (Lines page).</source>
        <translation>TopStop begrenzt die Gebühren nach Missbrauch: Legen Sie es für die vPBX fest (Seite Anlage), hier pro Konto und pro Leitung (Seite Leitungen).</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/accounts.py" line="113"/>
        <source>Not saved.</source>
        <translation>Nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/accounts.py" line="118"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>CertificateImportDialog</name>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="40"/>
        <source>Import certificate</source>
        <translation>Zertifikat importieren</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="45"/>
        <source>A PEM file with the server certificate first, then its intermediate certificates (optionally the key too), or a PKCS#12 file (.p12, .pfx) with key and certificates.</source>
        <translation>Eine PEM-Datei mit zuerst dem Serverzertifikat, dann seinen Zwischenzertifikaten (optional auch dem Schlüssel), oder eine PKCS#12-Datei (.p12, .pfx) mit Schlüssel und Zertifikaten.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="47"/>
        <source>&amp;Browse ...</source>
        <translation>&amp;Durchsuchen ...</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="48"/>
        <source>Choose the certificate file.</source>
        <translation>Wählen Sie die Zertifikatsdatei.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="50"/>
        <source>empty: the key is in the certificate file</source>
        <translation>leer: der Schlüssel ist in der Zertifikatsdatei</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="51"/>
        <source>The PEM file with the certificate&apos;s private key; not needed for PKCS#12 or when the certificate file contains the key.</source>
        <translation>Die PEM-Datei mit dem privaten Schlüssel des Zertifikats; nicht nötig bei PKCS#12 oder wenn die Zertifikatsdatei den Schlüssel enthält.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="53"/>
        <source>B&amp;rowse ...</source>
        <translation>Durc&amp;hsuchen ...</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="54"/>
        <source>Choose the private key file.</source>
        <translation>Wählen Sie die Datei mit dem privaten Schlüssel.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="57"/>
        <source>empty: not encrypted</source>
        <translation>leer: nicht verschlüsselt</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="58"/>
        <source>The password of the PKCS#12 file or of the encrypted key.</source>
        <translation>Das Passwort der PKCS#12-Datei oder des verschlüsselten Schlüssels.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="63"/>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="64"/>
        <source>&amp;Cancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="73"/>
        <source>&amp;Certificate file:</source>
        <translation>&amp;Zertifikatsdatei:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="75"/>
        <source>Private &amp;key file:</source>
        <translation>&amp;Schlüsseldatei:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="77"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="105"/>
        <source>Choose the certificate file first.</source>
        <translation>Wählen Sie zuerst die Zertifikatsdatei.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="107"/>
        <source>The certificate file %1 does not exist; check the path.</source>
        <translation>Die Zertifikatsdatei %1 existiert nicht; prüfen Sie den Pfad.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="110"/>
        <source>The key file %1 does not exist; check the path or leave it empty.</source>
        <translation>Die Schlüsseldatei %1 existiert nicht; prüfen Sie den Pfad oder lassen Sie das Feld leer.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="127"/>
        <source>Certificate file</source>
        <translation>Zertifikatsdatei</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="128"/>
        <source>Certificates (*.pem *.crt *.cer *.p12 *.pfx);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer *.p12 *.pfx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="132"/>
        <source>Private key file</source>
        <translation>Datei mit privatem Schlüssel</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_import_dialog.py" line="132"/>
        <source>Keys (*.pem *.key);;All files (*)</source>
        <translation>Schlüssel (*.pem *.key);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>CertificateSection</name>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="37"/>
        <location filename="../../ui/settings/certificate_section.py" line="100"/>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="51"/>
        <source>Whom the certificate was issued to.</source>
        <translation>Für wen das Zertifikat ausgestellt wurde.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="52"/>
        <source>Who signed it: this console&apos;s own local CA, or the issuer of an imported certificate.</source>
        <translation>Wer es signiert hat: die eigene lokale CA dieser Konsole oder der Aussteller eines importierten Zertifikats.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="55"/>
        <source>SHA-256 fingerprint of the server certificate; compare it with what a device or browser shows.</source>
        <translation>SHA-256-Fingerabdruck des Serverzertifikats; vergleichen Sie ihn mit der Anzeige eines Geräts oder Browsers.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="57"/>
        <source>The certificate is not accepted after this date.</source>
        <translation>Nach diesem Datum wird das Zertifikat nicht mehr akzeptiert.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="63"/>
        <source>&amp;Import certificate ...</source>
        <translation>Zertifikat &amp;importieren ...</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="65"/>
        <source>Serve a certificate of your own CA or a public one: a PEM chain with its key, or a PKCS#12 file.</source>
        <translation>Ein Zertifikat Ihrer eigenen CA oder einer öffentlichen CA verwenden: eine PEM-Kette mit Schlüssel oder eine PKCS#12-Datei.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="66"/>
        <source>&amp;Use own certificate</source>
        <translation>Eigenes &amp;Zertifikat verwenden</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="68"/>
        <source>Remove the imported certificate and serve one issued by this console&apos;s local CA again.</source>
        <translation>Das importierte Zertifikat entfernen und wieder eines verwenden, das die lokale CA dieser Konsole ausstellt.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="71"/>
        <source>Subject:</source>
        <translation>Inhaber:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="72"/>
        <source>Issuer:</source>
        <translation>Aussteller:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="73"/>
        <source>Fingerprint (SHA-256):</source>
        <translation>Fingerabdruck (SHA-256):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="74"/>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="99"/>
        <location filename="../../ui/settings/certificate_section.py" line="101"/>
        <source>Reading the certificate ...</source>
        <translation>Zertifikat wird gelesen ...</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="105"/>
        <source>None yet: the provisioning server creates its certificate when it starts.</source>
        <translation>Noch keins: Der Provisioning-Server erstellt sein Zertifikat beim Start.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="121"/>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="121"/>
        <source>own local CA</source>
        <translation>eigene lokale CA</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="127"/>
        <source>The certificate expires in %1 days: import a new one before then.</source>
        <translation>Das Zertifikat läuft in %1 Tagen ab: Importieren Sie vorher ein neues.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="129"/>
        <source>The certificate expires in %1 days; a new one is issued when the server starts.</source>
        <translation>Das Zertifikat läuft in %1 Tagen ab; beim Start des Servers wird ein neues ausgestellt.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="160"/>
        <source>Import certificate</source>
        <translation>Zertifikat importieren</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="160"/>
        <source>Importing the certificate ...</source>
        <translation>Zertifikat wird importiert ...</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="170"/>
        <source>Use own certificate</source>
        <translation>Eigenes Zertifikat verwenden</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="170"/>
        <source>Issuing a certificate of the local CA ...</source>
        <translation>Zertifikat der lokalen CA wird ausgestellt ...</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="175"/>
        <source>The provisioning server restarts to present the new certificate to the devices.</source>
        <translation>Der Provisioning-Server startet neu, um den Geräten das neue Zertifikat vorzulegen.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/certificate_section.py" line="195"/>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../ui/phones/details_panel.py" line="39"/>
        <source>New telephone</source>
        <translation>Neues Telefon</translation>
    </message>
    <message>
        <location filename="../../ui/phones/details_panel.py" line="42"/>
        <source>The type of the new VoIP device (grouped by vendor). A DECT handset needs a compatible base station in the vPBX.</source>
        <translation>Der Typ des neuen VoIP-Geräts (nach Hersteller gruppiert). Ein DECT-Mobilteil braucht eine passende Basisstation in der vPBX.</translation>
    </message>
    <message>
        <location filename="../../ui/phones/details_panel.py" line="44"/>
        <source>&amp;Telephone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <location filename="../../ui/phones/details_panel.py" line="48"/>
        <source>Create a device of the chosen type on the selected line.</source>
        <translation>Ein Gerät des gewählten Typs auf der ausgewählten Leitung anlegen.</translation>
    </message>
    <message>
        <location filename="../../ui/phones/details_panel.py" line="57"/>
        <source>&amp;Details ...</source>
        <translation>&amp;Details ...</translation>
    </message>
    <message>
        <location filename="../../ui/phones/details_panel.py" line="58"/>
        <source>Open the selected device: configuration data, access key, function keys (Enter or double-click in the list).</source>
        <translation>Das ausgewählte Gerät öffnen: Konfigurationsdaten, Zugangsschlüssel, Funktionstasten (Enter oder Doppelklick in der Liste).</translation>
    </message>
    <message>
        <location filename="../../ui/phones/details_panel.py" line="61"/>
        <source>Show the registrations of the selected line: User Agent, IP address and Contact of each registered device.</source>
        <translation>Die Registrierungen der ausgewählten Leitung anzeigen: User-Agent, IP-Adresse und Contact jedes registrierten Geräts.</translation>
    </message>
    <message>
        <location filename="../../ui/phones/details_panel.py" line="63"/>
        <source>S&amp;ynchronize</source>
        <translation>S&amp;ynchronisieren</translation>
    </message>
    <message>
        <location filename="../../ui/phones/details_panel.py" line="64"/>
        <source>Tell the selected device to load its configuration now.</source>
        <translation>Das ausgewählte Gerät anweisen, seine Konfiguration jetzt zu laden.</translation>
    </message>
    <message>
        <location filename="../../ui/phones/details_panel.py" line="46"/>
        <source>+ S&amp;ave</source>
        <translation>+ &amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/phones/details_panel.py" line="60"/>
        <source>Stat&amp;e ...</source>
        <translation>Stat&amp;us ...</translation>
    </message>
    <message>
        <location filename="../../ui/phones/details_panel.py" line="65"/>
        <source>De&amp;lete ...</source>
        <translation>&amp;Löschen ...</translation>
    </message>
    <message>
        <location filename="../../ui/phones/details_panel.py" line="66"/>
        <source>Delete the selected device&apos;s configuration on the telephone exchange (Del key); the device itself keeps its configuration.</source>
        <translation>Die Konfiguration des ausgewählten Geräts in der Nebenstellenanlage löschen (Entf-Taste); das Gerät selbst behält seine Konfiguration.</translation>
    </message>
    <message>
        <location filename="../../ui/phones/details_panel.py" line="91"/>
        <source>Select a line or a device in the list.</source>
        <translation>Wählen Sie eine Leitung oder ein Gerät in der Liste.</translation>
    </message>
    <message>
        <location filename="../../ui/phones/details_panel.py" line="99"/>
        <source>Line %1</source>
        <translation>Leitung %1</translation>
    </message>
    <message>
        <location filename="../../ui/phones/details_panel.py" line="101"/>
        <source>%1 on line %2</source>
        <translation>%1 auf Leitung %2</translation>
    </message>
    <message>
        <location filename="../../ui/phones/details_panel.py" line="103"/>
        <source>New telephone on line %1</source>
        <translation>Neues Telefon auf Leitung %1</translation>
    </message>
</context>
<context>
    <name>DeviceDialog</name>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="67"/>
        <source>&amp;Device</source>
        <translation>&amp;Gerät</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="68"/>
        <source>&amp;Keys</source>
        <translation>T&amp;asten</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="69"/>
        <source>The device&apos;s parameters, Last Access and the procedures.</source>
        <translation>Die Parameter des Geräts, „Letzter Zugriff“ und die Abläufe.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="70"/>
        <source>Function keys of the device and its expansion modules.</source>
        <translation>Funktionstasten des Geräts und seiner Erweiterungsmodule.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="74"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="75"/>
        <source>Close the dialog (Esc); asks first if something is not saved.</source>
        <translation>Den Dialog schließen (Esc); fragt vorher nach, wenn etwas nicht gespeichert ist.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="99"/>
        <source>%1 — line %2</source>
        <translation>%1 — Leitung %2</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="111"/>
        <source>Save first: the device downloads what is saved.</source>
        <translation>Zuerst speichern: Das Gerät lädt, was gespeichert ist.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="114"/>
        <source>Tell the device to download its saved configuration now, and wait until it has.</source>
        <translation>Das Gerät anweisen, seine gespeicherte Konfiguration jetzt herunterzuladen, und warten, bis es das getan hat.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="133"/>
        <source>This device no longer exists: it was deleted.</source>
        <translation>Dieses Gerät existiert nicht mehr: Es wurde gelöscht.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="185"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="186"/>
        <source>The changes to this device are not saved.</source>
        <translation>Die Änderungen an diesem Gerät sind nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="187"/>
        <source>Save them before closing, discard them, or go back to the dialog.</source>
        <translation>Speichern Sie sie vor dem Schließen, verwerfen Sie sie, oder kehren Sie zum Dialog zurück.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="222"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="234"/>
        <source>the %1 on line %2</source>
        <translation>das %1 auf Leitung %2</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="248"/>
        <location filename="../../ui/device/device_dialog.py" line="261"/>
        <source>Synchronizing ...</source>
        <translation>Synchronisieren ...</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="250"/>
        <source>Synchronize</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="251"/>
        <source>Telling %1 to download its configuration and waiting up to %2 s for it ...</source>
        <translation>Anweisung zum Herunterladen der Konfiguration an %1; es wird bis zu %2 s gewartet ...</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="278"/>
        <source>Restart ...</source>
        <translation>Neustart ...</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="279"/>
        <source>Restart %1 now?</source>
        <translation>Soll %1 jetzt neu gestartet werden?</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="280"/>
        <source>Calls on the device are cut off while it restarts. When it is up again it loads its saved configuration.</source>
        <translation>Gespräche auf dem Gerät werden während des Neustarts unterbrochen. Wenn es wieder läuft, lädt es seine gespeicherte Konfiguration.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="282"/>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="290"/>
        <source>Restarting ...</source>
        <translation>Neustart läuft ...</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="292"/>
        <source>Restart</source>
        <translation>Neustart</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="292"/>
        <source>Telling %1 to restart ...</source>
        <translation>Anweisung zum Neustart an %1 ...</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="309"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="314"/>
        <source>The device refused the request: %1.</source>
        <translation>Das Gerät hat die Anfrage abgelehnt: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="317"/>
        <source>The device accepted the restart (%1); it loads its configuration when it is up again.</source>
        <translation>Das Gerät hat den Neustart angenommen (%1); es lädt seine Konfiguration, wenn es wieder läuft.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="320"/>
        <source>Device fetched its configuration at %1.</source>
        <translation>Das Gerät hat seine Konfiguration um %1 abgerufen.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="323"/>
        <source>The device accepted the request (%1); the console stopped waiting for its download. Check Last Access with [Refresh].</source>
        <translation>Das Gerät hat die Anfrage angenommen (%1); die Konsole wartet nicht mehr auf den Download. Prüfen Sie „Letzter Zugriff“ mit [Aktualisieren].</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="325"/>
        <source>The device accepted the request (%1) but did not fetch its configuration within %2 s. Check Last Access with [Refresh] and the registration with [State ...].</source>
        <translation>Das Gerät hat die Anfrage angenommen (%1), seine Konfiguration aber nicht innerhalb von %2 s abgerufen. Prüfen Sie „Letzter Zugriff“ mit [Aktualisieren] und die Registrierung mit [Status ...].</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="333"/>
        <source>New Access Key ...</source>
        <translation>Neuer Zugangsschlüssel ...</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="334"/>
        <source>Create a new access key for %1?</source>
        <translation>Einen neuen Zugangsschlüssel für %1 erstellen?</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="335"/>
        <source>The current link stops working at once: the device cannot load its configuration until it is configured again with the new link, via the manufacturer&apos;s redirection service (MAC Provisioning &quot;once&quot;) or manually with [Manual configure ...].

The key assignments are kept.

Use a new access key after misuse or loss of configuration data.</source>
        <translation>Der aktuelle Link funktioniert sofort nicht mehr: Das Gerät kann seine Konfiguration erst laden, wenn es mit dem neuen Link neu konfiguriert ist, über den Redirection-Service des Herstellers (MAC Provisioning &quot;once&quot;) oder manuell mit [Manuell konfigurieren ...].

Die Tastenbelegung bleibt erhalten.

Verwenden Sie einen neuen Zugangsschlüssel nach Missbrauch oder Verlust von Konfigurationsdaten.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="340"/>
        <source>Create &amp;new key</source>
        <translation>&amp;Neuen Schlüssel erstellen</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_dialog.py" line="350"/>
        <source>New access key created; the old link no longer works. Transfer the new configuration to the device via the redirection service or with [Manual configure ...].</source>
        <translation>Neuer Zugangsschlüssel erstellt; der alte Link funktioniert nicht mehr. Übertragen Sie die neue Konfiguration auf das Gerät über den Redirection-Service oder mit [Manuell konfigurieren ...].</translation>
    </message>
</context>
<context>
    <name>DeviceForm</name>
    <message>
        <location filename="../../ui/device/device_form.py" line="124"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="127"/>
        <source>If no password is entered, a random 40-digit password is generated automatically. This automatic password is never disclosed.</source>
        <translation>Wird kein Passwort eingegeben, wird automatisch ein zufälliges 40-stelliges Passwort erzeugt. Dieses automatische Passwort wird nie offengelegt.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="131"/>
        <source>Defines the password for the configuration access of the administrator to the VoIP device: 4 to 9 digits, no characters.</source>
        <translation>Legt das Passwort für den Konfigurationszugang des Administrators zum VoIP-Gerät fest: 4 bis 9 Ziffern, keine Buchstaben.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="135"/>
        <source>Defines the user name for the user&apos;s configuration access to the VoIP device. Any string.</source>
        <translation>Legt den Benutzernamen für den Konfigurationszugang des Benutzers zum VoIP-Gerät fest. Beliebige Zeichenfolge.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="137"/>
        <source>Defines the password for the configuration access of the user to the VoIP device: 4 to 9 digits, no characters.</source>
        <translation>Legt das Passwort für den Konfigurationszugang des Benutzers zum VoIP-Gerät fest: 4 bis 9 Ziffern, keine Buchstaben.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="140"/>
        <source>e.g. 00041345C9BF</source>
        <translation>z. B. 00041345C9BF</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="142"/>
        <source>Defines the MAC address of the VoIP device. The MAC address can usually be read on the type label of the device: 12 hex digits, e.g. 00041345C9BF (00:04:13:45:C9:BF is accepted too).</source>
        <translation>Legt die MAC-Adresse des VoIP-Geräts fest. Die MAC-Adresse steht meist auf dem Typenschild des Geräts: 12 Hexadezimalziffern, z. B. 00041345C9BF (00:04:13:45:C9:BF wird auch akzeptiert).</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="145"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="145"/>
        <source>once</source>
        <translation>einmal</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="145"/>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="149"/>
        <source>Defines whether the VoIP device is configured via the manufacturer&apos;s redirection service (%1).
no: the configuration via the redirection service is switched off.
once: the configuration is allowed once; to repeat it, set it to &quot;once&quot; again.
done: the configuration has taken place via the redirection service (set by the console).</source>
        <translation>Legt fest, ob das VoIP-Gerät über den Redirection-Service des Herstellers konfiguriert wird (%1).
nein: Die Konfiguration über den Redirection-Service ist ausgeschaltet.
einmal: Die Konfiguration ist einmal erlaubt; um sie zu wiederholen, setzen Sie wieder &quot;einmal&quot;.
erledigt: Die Konfiguration ist über den Redirection-Service erfolgt (von der Konsole gesetzt).</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="156"/>
        <source>Defines the DECT base station to which the DECT handset must connect. Only base stations of this vPBX that fit this handset type are listed.</source>
        <translation>Legt die DECT-Basisstation fest, mit der sich das DECT-Mobilteil verbinden muss. Nur Basisstationen dieser vPBX, die zu diesem Mobilteiltyp passen, werden aufgeführt.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="160"/>
        <source>Password for &apos;adm&amp;in&apos;:</source>
        <translation>Passwort für &apos;adm&amp;in&apos;:</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="161"/>
        <source>User &amp;Name:</source>
        <translation>Benutze&amp;rname:</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="162"/>
        <source>Password for &apos;&amp;user&apos;:</source>
        <translation>Passwort für &apos;&amp;user&apos;:</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="163"/>
        <source>MA&amp;C:</source>
        <translation>MA&amp;C:</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="164"/>
        <source>MAC &amp;Provisioning:</source>
        <translation>MAC-&amp;Provisioning:</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="166"/>
        <source>&amp;Base Unit:</source>
        <translation>&amp;Basisstation:</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="200"/>
        <source>The smartphone app has no parameters here: click [New] to show a QR code that the app scans to load its configuration.</source>
        <translation>Die Smartphone-App hat hier keine Parameter: Klicken Sie auf [Neu], um einen QR-Code anzuzeigen, den die App scannt, um ihre Konfiguration zu laden.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="203"/>
        <source>The browser phone has no parameters here: it logs in with the user name and password of the AdminCenter account on the exchange&apos;s web phone page.</source>
        <translation>Das Browser-Telefon hat hier keine Parameter: Es meldet sich mit Benutzername und Passwort des AdminCenter-Kontos auf der Web-Telefon-Seite der Nebenstellenanlage an.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="205"/>
        <source>This device type has no parameters to configure here.</source>
        <translation>Dieser Gerätetyp hat hier keine Parameter zu konfigurieren.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="216"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="218"/>
        <source>Show or hide the digits you typed (a generated password is never shown).</source>
        <translation>Die eingegebenen Ziffern anzeigen oder verbergen (ein erzeugtes Passwort wird nie angezeigt).</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="228"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="231"/>
        <source>Store the parameters on the telephone exchange (Ctrl+S). Nothing is stored if one of them is wrong.</source>
        <translation>Die Parameter in der Nebenstellenanlage speichern (Ctrl+S). Ist einer davon falsch, wird nichts gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="239"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="246"/>
        <source>Date, time, IP address and User-Agent of the device&apos;s last download of its configuration.</source>
        <translation>Datum, Uhrzeit, IP-Adresse und User-Agent des letzten Downloads der Konfiguration durch das Gerät.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="247"/>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="249"/>
        <source>Read Last Access and the sync state again, e.g. to check whether the configuration was loaded.</source>
        <translation>„Letzter Zugriff“ und den Synchronisierungsstatus neu lesen, z. B. um zu prüfen, ob die Konfiguration geladen wurde.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="253"/>
        <source>Last Access:</source>
        <translation>Letzter Zugriff:</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="258"/>
        <source>Whether the device has loaded the configuration revision the exchange holds now.</source>
        <translation>Ob das Gerät die Konfigurationsrevision geladen hat, die die Nebenstellenanlage jetzt hält.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="259"/>
        <source>Configuration:</source>
        <translation>Konfiguration:</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="262"/>
        <source>The SIP monitor&apos;s last check of the device&apos;s registration.</source>
        <translation>Die letzte Prüfung der Registrierung des Geräts durch den SIP-Monitor.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="263"/>
        <source>Reachability:</source>
        <translation>Erreichbarkeit:</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="268"/>
        <source>S&amp;ynchronize</source>
        <translation>S&amp;ynchronisieren</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="270"/>
        <source>Tell the device to download its saved configuration now, and wait until it has.</source>
        <translation>Das Gerät anweisen, seine gespeicherte Konfiguration jetzt herunterzuladen, und warten, bis es das getan hat.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="271"/>
        <source>&amp;Restart ...</source>
        <translation>&amp;Neustart ...</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="272"/>
        <source>Restart the device (asks first).</source>
        <translation>Das Gerät neu starten (fragt vorher nach).</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="273"/>
        <source>New &amp;Access Key ...</source>
        <translation>Neuer &amp;Zugangsschlüssel ...</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="275"/>
        <source>Replace the access key after misuse or loss of configuration data (asks first; the current link stops working at once).</source>
        <translation>Den Zugangsschlüssel nach Missbrauch oder Verlust von Konfigurationsdaten ersetzen (fragt vorher nach; der aktuelle Link funktioniert sofort nicht mehr).</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="277"/>
        <source>&amp;Manual configure ...</source>
        <translation>&amp;Manuell konfigurieren ...</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="279"/>
        <source>Show the link with the access key and the exact steps to enter it on the device.</source>
        <translation>Den Link mit dem Zugangsschlüssel und die genauen Schritte zeigen, um ihn am Gerät einzugeben.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="280"/>
        <source>S&amp;tate ...</source>
        <translation>S&amp;tatus ...</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="281"/>
        <source>Show the registrations of this telephone line.</source>
        <translation>Die Registrierungen dieser Telefonleitung anzeigen.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="282"/>
        <source>&amp;New</source>
        <translation>N&amp;eu</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="284"/>
        <source>Create a new access key and show it as a QR code for the smartphone app to scan.</source>
        <translation>Einen neuen Zugangsschlüssel erstellen und als QR-Code für die Smartphone-App zum Scannen anzeigen.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="285"/>
        <source>&amp;Web phone ...</source>
        <translation>&amp;Web-Telefon ...</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="286"/>
        <source>How to start the browser phone and the page to open.</source>
        <translation>Wie das Browser-Telefon gestartet wird und welche Seite zu öffnen ist.</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="326"/>
        <source>(generated, never shown)</source>
        <translation>(erzeugt, wird nie angezeigt)</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="327"/>
        <source>empty: a random password is generated</source>
        <translation>leer: ein zufälliges Passwort wird erzeugt</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="343"/>
        <source>(none)</source>
        <translation>(keins)</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="352"/>
        <source>%1 on line %2 (#%3)</source>
        <translation>%1 auf Leitung %2 (#%3)</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="356"/>
        <source>device #%1</source>
        <translation>Gerät #%1</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="363"/>
        <source>never: the device has not loaded its configuration yet</source>
        <translation>nie: Das Gerät hat seine Konfiguration noch nicht geladen</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="365"/>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="368"/>
        <source>User-Agent: %1</source>
        <translation>User-Agent: %1</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="376"/>
        <source>not loaded yet: the device has not fetched revision %1 with its current access key</source>
        <translation>noch nicht geladen: Das Gerät hat Revision %1 mit seinem aktuellen Zugangsschlüssel noch nicht abgerufen</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="380"/>
        <source>an unknown time</source>
        <translation>Zeitpunkt unbekannt</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="381"/>
        <source>synchronized at %1 (revision %2)</source>
        <translation>synchronisiert: %1 (Revision %2)</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="382"/>
        <source>needs sync: the device has revision %1, the exchange holds revision %2; click [Synchronize]</source>
        <translation>Synchronisieren nötig: Das Gerät hat Revision %1, die Nebenstellenanlage hält Revision %2; klicken Sie auf [Synchronisieren]</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="388"/>
        <source>unknown: the SIP monitor has not checked this device yet</source>
        <translation>unbekannt: Der SIP-Monitor hat dieses Gerät noch nicht geprüft</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="390"/>
        <source>reachable</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="392"/>
        <source>unreachable: the device did not answer the SIP monitor</source>
        <translation>nicht erreichbar: Das Gerät hat dem SIP-Monitor nicht geantwortet</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="411"/>
        <source>● Unsaved changes</source>
        <translation>● Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../ui/device/device_form.py" line="505"/>
        <source>Saved. Click [Synchronize] to send it to the device.</source>
        <translation>Gespeichert. Klicken Sie auf [Synchronisieren], um es an das Gerät zu senden.</translation>
    </message>
</context>
<context>
    <name>DeviceTypeCombo</name>
    <message>
        <location filename="../../ui/phones/type_combo.py" line="87"/>
        <source> (needs a DECT base)</source>
        <translation> (braucht eine DECT-Basis)</translation>
    </message>
    <message>
        <location filename="../../ui/phones/type_combo.py" line="88"/>
        <source>A DECT handset registers at a base station: create a %1 on a line of this vPBX first.</source>
        <translation>Ein DECT-Mobilteil meldet sich an einer Basisstation an: Legen Sie zuerst ein Gerät %1 auf einer Leitung dieser vPBX an.</translation>
    </message>
    <message>
        <location filename="../../ui/phones/type_combo.py" line="89"/>
        <source>compatible base</source>
        <translation>passende Basis</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <location filename="../../ui/pbx/exchange.py" line="37"/>
        <source>S&amp;ave</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/exchange.py" line="39"/>
        <source>Saves all fields at once, or nothing when one is wrong (Ctrl+S, or Enter in a field). Devices must then be synchronized.</source>
        <translation>Speichert alle Felder auf einmal, oder nichts, wenn eines falsch ist (Ctrl+S oder Enter in einem Feld). Danach müssen die Geräte synchronisiert werden.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/exchange.py" line="46"/>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/exchange.py" line="47"/>
        <source>Discards your changes and shows the saved data again.</source>
        <translation>Verwirft Ihre Änderungen und zeigt wieder die gespeicherten Daten.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/exchange.py" line="49"/>
        <source>New vPBX ...</source>
        <translation>Neue vPBX ...</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/exchange.py" line="51"/>
        <source>Creates another vPBX (providers only).</source>
        <translation>Legt eine weitere vPBX an (nur Provider).</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/exchange.py" line="53"/>
        <source>Delete vPBX ...</source>
        <translation>vPBX löschen ...</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/exchange.py" line="56"/>
        <source>Deletes this vPBX with its lines, devices, phonebook and console users (providers only).</source>
        <translation>Löscht diese vPBX mit ihren Leitungen, Geräten, Telefonbuch und Konsolenbenutzern (nur Provider).</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/exchange.py" line="94"/>
        <source>Changed, not saved.</source>
        <translation>Geändert, nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/exchange.py" line="110"/>
        <source>Not saved.</source>
        <translation>Nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/exchange.py" line="113"/>
        <source>Saved. Synchronize the devices so that they load the changes.</source>
        <translation>Gespeichert. Synchronisieren Sie die Geräte, damit sie die Änderungen laden.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/exchange.py" line="140"/>
        <source>Delete the vPBX “%1”? This cannot be undone.

Deleted with it:
• lines: %2
• devices of these lines: %3 (their configuration links stop working)
• phonebook entries: %4
• console users of this vPBX: %5 (they can no longer log in)
• its accounts with their TopStop limits</source>
        <translation>Die vPBX „%1“ löschen? Das kann nicht rückgängig gemacht werden.

Mit ihr gelöscht werden:
• Leitungen: %2
• Geräte dieser Leitungen: %3 (ihre Konfigurationslinks funktionieren nicht mehr)
• Telefonbucheinträge: %4
• Konsolenbenutzer dieser vPBX: %5 (sie können sich nicht mehr anmelden)
• ihre Konten mit ihren TopStop-Limits</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/exchange.py" line="148"/>
        <source>Delete vPBX</source>
        <translation>vPBX löschen</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/exchange.py" line="148"/>
        <source>&amp;Delete vPBX</source>
        <translation>vPBX &amp;löschen</translation>
    </message>
</context>
<context>
    <name>FirstStartPage</name>
    <message>
        <location filename="../../ui/pbx/first_start.py" line="30"/>
        <source>&amp;Create vPBX</source>
        <translation>vPBX &amp;anlegen</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/first_start.py" line="32"/>
        <source>Creates the vPBX with these data; then add its lines.</source>
        <translation>Legt die vPBX mit diesen Daten an; fügen Sie danach ihre Leitungen hinzu.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/first_start.py" line="36"/>
        <source>&amp;Load demo data</source>
        <translation>Demodaten &amp;laden</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/first_start.py" line="39"/>
        <source>Creates a demo vPBX with eight lines, phonebook entries and one device of every type, to try the console.</source>
        <translation>Legt eine Demo-vPBX mit acht Leitungen, Telefonbucheinträgen und einem Gerät jedes Typs an, um die Konsole auszuprobieren.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/first_start.py" line="60"/>
        <source>&lt;b&gt;Create the first vPBX.&lt;/b&gt; Enter the access data of the telephone exchange the devices register with; you can change them later on the Exchange page. Or load the demo data to try the console first.</source>
        <translation>&lt;b&gt;Legen Sie die erste vPBX an.&lt;/b&gt; Geben Sie die Zugangsdaten der Nebenstellenanlage ein, an der sich die Geräte registrieren; Sie können sie später auf der Seite Anlage ändern. Oder laden Sie die Demodaten, um die Konsole zuerst auszuprobieren.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/first_start.py" line="65"/>
        <source>&lt;b&gt;There is no vPBX for you yet.&lt;/b&gt; A provider creates the vPBX and its access data; ask your provider to set it up, then log in again.</source>
        <translation>&lt;b&gt;Für Sie gibt es noch keine vPBX.&lt;/b&gt; Ein Provider legt die vPBX und ihre Zugangsdaten an; bitten Sie Ihren Provider, sie einzurichten, und melden Sie sich dann erneut an.</translation>
    </message>
</context>
<context>
    <name>HelpViewer</name>
    <message>
        <location filename="../../ui/help/viewer.py" line="30"/>
        <source>Help: Managing VoIP Telephones</source>
        <translation>Hilfe: VoIP-Telefone verwalten</translation>
    </message>
    <message>
        <location filename="../../ui/help/viewer.py" line="40"/>
        <source>The procedures of the manual; choose one to read it.</source>
        <translation>Die Abläufe des Handbuchs; wählen Sie einen, um ihn zu lesen.</translation>
    </message>
    <message>
        <location filename="../../ui/help/viewer.py" line="49"/>
        <source>Links lead to the related procedures; Alt+Left goes back.</source>
        <translation>Links führen zu den zugehörigen Abläufen; Alt+Left geht zurück.</translation>
    </message>
    <message>
        <location filename="../../ui/help/viewer.py" line="51"/>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <location filename="../../ui/help/viewer.py" line="53"/>
        <source>Return to the procedure shown before.</source>
        <translation>Zum zuvor angezeigten Ablauf zurückkehren.</translation>
    </message>
    <message>
        <location filename="../../ui/help/viewer.py" line="56"/>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
</context>
<context>
    <name>KeyEditing</name>
    <message>
        <location filename="../../ui/keys/editing.py" line="59"/>
        <source>Clear key %1</source>
        <translation>Taste %1 leeren</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editing.py" line="62"/>
        <source>Put %1 on key %2</source>
        <translation>%1 auf Taste %2 legen</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editing.py" line="67"/>
        <source>Move key %1 to %2</source>
        <translation>Taste %1 nach %2 verschieben</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editing.py" line="74"/>
        <source>BLF for every other subscriber</source>
        <translation>BLF für jeden anderen Teilnehmer</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editing.py" line="79"/>
        <source>Copy layout from %1</source>
        <translation>Belegung von %1 kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editing.py" line="84"/>
        <source>Clear page %1</source>
        <translation>Seite %1 leeren</translation>
    </message>
</context>
<context>
    <name>KeyEditor</name>
    <message>
        <location filename="../../ui/keys/editor.py" line="38"/>
        <location filename="../../ui/keys/editor.py" line="89"/>
        <source>Select a key to see its feature and value.</source>
        <translation>Wählen Sie eine Taste, um ihre Funktion und ihren Wert zu sehen.</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editor.py" line="43"/>
        <location filename="../../ui/keys/editor.py" line="155"/>
        <source>This feature needs no value.</source>
        <translation>Diese Funktion braucht keinen Wert.</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editor.py" line="56"/>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editor.py" line="57"/>
        <source>Value:</source>
        <translation>Wert:</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editor.py" line="59"/>
        <source>Label:</source>
        <translation>Beschriftung:</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editor.py" line="94"/>
        <source>(not assigned)</source>
        <translation>(nicht belegt)</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editor.py" line="121"/>
        <source>(choose a subscriber)</source>
        <translation>(Teilnehmer wählen)</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editor.py" line="123"/>
        <source> (this device&apos;s line)</source>
        <translation> (Leitung dieses Geräts)</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editor.py" line="127"/>
        <source>Account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editor.py" line="144"/>
        <source>e.g. *21#</source>
        <translation>z. B. *21#</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editor.py" line="144"/>
        <source>e.g. 0301234567</source>
        <translation>z. B. 0301234567</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editor.py" line="155"/>
        <source>Choose a type first.</source>
        <translation>Wählen Sie zuerst einen Typ.</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editor.py" line="164"/>
        <source>Empty label: the key shows the subscriber&apos;s current name, %1.</source>
        <translation>Leere Beschriftung: Die Taste zeigt den aktuellen Namen des Teilnehmers, %1.</translation>
    </message>
    <message>
        <location filename="../../ui/keys/editor.py" line="168"/>
        <source>Leave empty to show the subscriber&apos;s current name (%1).</source>
        <translation>Leer lassen, um den aktuellen Namen des Teilnehmers anzuzeigen (%1).</translation>
    </message>
</context>
<context>
    <name>KeyPalette</name>
    <message>
        <location filename="../../ui/keys/palette.py" line="66"/>
        <source>What dropping a subscriber puts on a key</source>
        <translation>Was das Ablegen eines Teilnehmers auf eine Taste legt</translation>
    </message>
    <message>
        <location filename="../../ui/keys/palette.py" line="68"/>
        <source>Number or *#-code, then drag it</source>
        <translation>Nummer oder *#-Code, dann ziehen</translation>
    </message>
    <message>
        <location filename="../../ui/keys/palette.py" line="71"/>
        <source>Subscriber keys as:</source>
        <translation>Teilnehmertasten als:</translation>
    </message>
    <message>
        <location filename="../../ui/keys/palette.py" line="72"/>
        <source>Direct dial:</source>
        <translation>Direktwahl:</translation>
    </message>
    <message>
        <location filename="../../ui/keys/palette.py" line="92"/>
        <source>Key features of this model</source>
        <translation>Tastenfunktionen dieses Modells</translation>
    </message>
    <message>
        <location filename="../../ui/keys/palette.py" line="97"/>
        <source>Subscribers of the vPBX</source>
        <translation>Teilnehmer der vPBX</translation>
    </message>
    <message>
        <location filename="../../ui/keys/palette.py" line="99"/>
        <source> (this device&apos;s line)</source>
        <translation> (Leitung dieses Geräts)</translation>
    </message>
    <message>
        <location filename="../../ui/keys/palette.py" line="102"/>
        <source>Lines (accounts) of this device</source>
        <translation>Leitungen (Konten) dieses Geräts</translation>
    </message>
    <message>
        <location filename="../../ui/keys/palette.py" line="104"/>
        <source>Account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <location filename="../../ui/keys/palette.py" line="108"/>
        <source>vPBX phonebook</source>
        <translation>vPBX-Telefonbuch</translation>
    </message>
    <message>
        <location filename="../../ui/keys/palette.py" line="112"/>
        <source>Open the phonebook (%1)</source>
        <translation>Das Telefonbuch öffnen (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/keys/palette.py" line="120"/>
        <location filename="../../ui/keys/palette.py" line="151"/>
        <source>Direct dial</source>
        <translation>Direktwahl</translation>
    </message>
</context>
<context>
    <name>KeysTab</name>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="97"/>
        <source>A %1 has no keys that the console configures.</source>
        <translation>Das Modell %1 hat keine Tasten, die die Konsole konfiguriert.</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="115"/>
        <source>BLF for every other subscriber</source>
        <translation>BLF für jeden anderen Teilnehmer</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="118"/>
        <source>Fill the free keys in order (all pages and expansion modules) with a busy lamp for each subscriber of the vPBX except this device&apos;s line</source>
        <translation>Die freien Tasten der Reihe nach (alle Seiten und Erweiterungsmodule) mit einem Besetztlampenfeld (BLF) für jeden Teilnehmer der vPBX außer der Leitung dieses Geräts füllen</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="124"/>
        <source>Another device of this vPBX with the same or a compatible model</source>
        <translation>Ein anderes Gerät dieser vPBX mit demselben oder einem kompatiblen Modell</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="126"/>
        <source>Copy layout</source>
        <translation>Belegung kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="127"/>
        <source>Clear page</source>
        <translation>Seite leeren</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="128"/>
        <source>Export picture…</source>
        <translation>Bild exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="129"/>
        <source>Copy from:</source>
        <translation>Kopieren von:</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="146"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="148"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="158"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="159"/>
        <source>Synchronize</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="176"/>
        <source>Module %1: %2</source>
        <translation>Modul %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="233"/>
        <source>%1 %2, page %3</source>
        <translation>%1 %2, Seite %3</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="293"/>
        <source>Select a key first, then choose what to put on it.</source>
        <translation>Wählen Sie zuerst eine Taste, dann, was darauf gelegt werden soll.</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="296"/>
        <source>This key does not accept %1.</source>
        <translation>Diese Taste akzeptiert %1 nicht.</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="312"/>
        <source>%1 busy lamp keys added.</source>
        <translation>%1 BLF-Tasten hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="314"/>
        <source>No free key was left for: %1.</source>
        <translation>Keine freie Taste mehr für: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="327"/>
        <source>device %1</source>
        <translation>Gerät %1</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="328"/>
        <source>%1 keys copied.</source>
        <translation>%1 Tasten kopiert.</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="331"/>
        <source>%1 on %2 of module %3: %4</source>
        <translation>%1 auf %2 von Modul %3: %4</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="338"/>
        <source>Not copied (%1):</source>
        <translation>Nicht kopiert (%1):</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="395"/>
        <source>Saved. Synchronize to send it to the device.</source>
        <translation>Gespeichert. Synchronisieren Sie, um es an das Gerät zu senden.</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="418"/>
        <source>● Unsaved changes</source>
        <translation>● Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="418"/>
        <source>All changes saved</source>
        <translation>Alle Änderungen gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="422"/>
        <source>Not available here: this view was opened without a connection to the provisioning service, so the device cannot be told to download its configuration.</source>
        <translation>Hier nicht verfügbar: Diese Ansicht wurde ohne Verbindung zum Provisioning-Dienst geöffnet, daher kann das Gerät nicht angewiesen werden, seine Konfiguration herunterzuladen.</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="426"/>
        <source>Save first: the device downloads what is saved.</source>
        <translation>Zuerst speichern: Das Gerät lädt, was gespeichert ist.</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="428"/>
        <source>Tell the device to download its configuration now.</source>
        <translation>Das Gerät anweisen, seine Konfiguration jetzt herunterzuladen.</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="447"/>
        <source>Export picture</source>
        <translation>Bild exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="447"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keys_tab.py" line="450"/>
        <source>Could not write %1; choose another folder.</source>
        <translation>%1 konnte nicht geschrieben werden; wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <location filename="../../ui/keys/key_text.py" line="38"/>
        <source>This key does not accept this feature.</source>
        <translation>Diese Taste unterstützt dieses Leistungsmerkmal nicht.</translation>
    </message>
</context>
<context>
    <name>LineDialog</name>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="25"/>
        <source>New line</source>
        <translation>Neue Leitung</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="25"/>
        <source>Edit line %1</source>
        <translation>Leitung %1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="31"/>
        <source>empty: the number</source>
        <translation>leer: die Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="33"/>
        <source>empty: the SIP user</source>
        <translation>leer: der SIP-Benutzer</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="37"/>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="37"/>
        <source>empty: keep the current password</source>
        <translation>leer: aktuelles Passwort behalten</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="41"/>
        <source>&amp;Blocked for the public telephone network</source>
        <translation>Für das öffentliche Telefonnetz &amp;gesperrt</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="43"/>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="46"/>
        <source>&amp;Number:</source>
        <translation>&amp;Nummer:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="47"/>
        <source>The line&apos;s telephone number in this vPBX: 2 to 20 digits, optionally a leading +.</source>
        <translation>Die Telefonnummer der Leitung in dieser vPBX: 2 bis 20 Ziffern, optional ein führendes +.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="49"/>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="50"/>
        <source>The name the devices show and send with calls; at most 100 characters.</source>
        <translation>Der Name, den die Geräte anzeigen und bei Anrufen senden; höchstens 100 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="51"/>
        <source>SIP &amp;user:</source>
        <translation>SIP-&amp;Benutzer:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="52"/>
        <source>The user part of the SIP address the devices register; empty: the number.</source>
        <translation>Der Benutzerteil der SIP-Adresse, die die Geräte registrieren; leer: die Nummer.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="53"/>
        <source>Au&amp;th user:</source>
        <translation>Au&amp;th-Benutzer:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="54"/>
        <source>The name the devices authenticate with; empty: the SIP user.</source>
        <translation>Der Name, mit dem sich die Geräte authentifizieren; leer: der SIP-Benutzer.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="55"/>
        <source>SIP &amp;password:</source>
        <translation>SIP-&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="56"/>
        <source>The registration password from the exchange; it is never shown again. On edit, leave it empty to keep the current one.</source>
        <translation>Das Registrierungspasswort der Nebenstellenanlage; es wird nie wieder angezeigt. Beim Bearbeiten leer lassen, um das aktuelle zu behalten.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="58"/>
        <source>A&amp;ccount:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="59"/>
        <source>The account the line&apos;s charges (and its TopStop) belong to.</source>
        <translation>Das Konto, zu dem die Gebühren der Leitung (und ihr TopStop) gehören.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="61"/>
        <source>Blocks calls to and from the public network, e.g. after misuse or the loss of a device; calls inside the vPBX keep working.</source>
        <translation>Sperrt Anrufe in das und aus dem öffentlichen Netz, z. B. nach Missbrauch oder Verlust eines Geräts; Anrufe innerhalb der vPBX funktionieren weiter.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="63"/>
        <source>TopStop l&amp;imit:</source>
        <translation>TopStop-L&amp;imit:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="64"/>
        <source>A charge limit for this line, e.g. 20 or 19.90; empty: none.</source>
        <translation>Ein Gebührenlimit für diese Leitung, z. B. 20 oder 19.90; leer: keins.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="77"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="77"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/line_dialog.py" line="78"/>
        <source>Saves the line; its devices must then be synchronized.</source>
        <translation>Speichert die Leitung; danach müssen ihre Geräte synchronisiert werden.</translation>
    </message>
</context>
<context>
    <name>LinesPage</name>
    <message>
        <location filename="../../ui/pbx/lines.py" line="32"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="32"/>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="32"/>
        <source>SIP user</source>
        <translation>SIP-Benutzer</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="33"/>
        <source>Auth user</source>
        <translation>Auth-Benutzer</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="33"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="33"/>
        <source>Public network</source>
        <translation>Öffentliches Netz</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="34"/>
        <source>TopStop</source>
        <translation>TopStop</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="34"/>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="36"/>
        <source>Enter edits the selected line, Del deletes it.</source>
        <translation>Enter bearbeitet die ausgewählte Leitung, Entf löscht sie.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="41"/>
        <source>&amp;New line ...</source>
        <translation>&amp;Neue Leitung ...</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="42"/>
        <source>Adds a telephone line with its SIP registration data.</source>
        <translation>Fügt eine Telefonleitung mit ihren SIP-Registrierungsdaten hinzu.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="44"/>
        <source>Edi&amp;t ...</source>
        <translation>Bearbei&amp;ten ...</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="45"/>
        <source>Changes the selected line (Enter).</source>
        <translation>Ändert die ausgewählte Leitung (Enter).</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="47"/>
        <source>&amp;Delete ...</source>
        <translation>Lö&amp;schen ...</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="48"/>
        <source>Deletes the selected line and its devices (Del).</source>
        <translation>Löscht die ausgewählte Leitung und ihre Geräte (Entf).</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="51"/>
        <source>&amp;Import CSV ...</source>
        <translation>CSV &amp;importieren ...</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="53"/>
        <source>Adds lines (and devices) from a CSV file with the columns %1 and optionally %2. One bad row rejects the whole file, so nothing is half-imported.</source>
        <translation>Fügt Leitungen (und Geräte) aus einer CSV-Datei mit den Spalten %1 und optional %2 hinzu. Eine fehlerhafte Zeile weist die ganze Datei zurück, damit nichts halb importiert wird.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="67"/>
        <source>The devices of each line are set up on the Phones tab.</source>
        <translation>Die Geräte jeder Leitung werden auf dem Reiter Telefone eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="93"/>
        <source>blocked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="93"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="149"/>
        <source>Delete line %1?

Its devices are deleted with it (%2): their configuration links stop working. Console users lose this line.</source>
        <translation>Leitung %1 löschen?

Ihre Geräte werden mit ihr gelöscht (%2): Ihre Konfigurationslinks funktionieren nicht mehr. Konsolenbenutzer verlieren diese Leitung.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="153"/>
        <source>Delete line %1? It has no devices. Console users lose this line.</source>
        <translation>Leitung %1 löschen? Sie hat keine Geräte. Konsolenbenutzer verlieren diese Leitung.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="154"/>
        <source>Delete line</source>
        <translation>Leitung löschen</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="154"/>
        <source>&amp;Delete line</source>
        <translation>Leitung &amp;löschen</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="171"/>
        <location filename="../../ui/pbx/lines.py" line="189"/>
        <source>Import lines</source>
        <translation>Leitungen importieren</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="172"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="190"/>
        <source>Importing %1 ...</source>
        <translation>%1 wird importiert ...</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="200"/>
        <source>the import was cancelled.</source>
        <translation>der Import wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/lines.py" line="202"/>
        <source>Imported %1 lines and %2 devices.</source>
        <translation>%1 Leitungen und %2 Geräte importiert.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="36"/>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="37"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="39"/>
        <source>Repeat password:</source>
        <translation>Passwort wiederholen:</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="40"/>
        <source>Create the first provider account</source>
        <translation>Das erste Provider-Konto anlegen</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="42"/>
        <source>This is the first start of the console: there is no console user yet. Create the first provider account; it may manage every vPBX and create further users. The password needs at least %1 characters.</source>
        <translation>Dies ist der erste Start der Konsole: Es gibt noch keinen Konsolenbenutzer. Legen Sie das erste Provider-Konto an; es darf jede vPBX verwalten und weitere Benutzer anlegen. Das Passwort braucht mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="45"/>
        <source>Create account and log in</source>
        <translation>Konto anlegen und anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="48"/>
        <location filename="../../ui/login_dialog.py" line="50"/>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="49"/>
        <source>Log in with your console user name and password.</source>
        <translation>Melden Sie sich mit Ihrem Benutzernamen und Passwort für die Konsole an.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="67"/>
        <source>Enter a user name.</source>
        <translation>Geben Sie einen Benutzernamen ein.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="69"/>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="71"/>
        <source>The password needs at least %1 characters.</source>
        <translation>Das Passwort braucht mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="73"/>
        <source>The repeated password does not match the password.</source>
        <translation>Das wiederholte Passwort stimmt nicht mit dem Passwort überein.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="57"/>
        <source>&amp;PBX</source>
        <translation>&amp;Nebenstellenanlage</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="60"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64"/>
        <source>P&amp;hones</source>
        <translation>&amp;Telefone</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>VoIP Device Console</source>
        <translation>VoIP-Gerätekonsole</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88"/>
        <source>Logged in as %1 (%2)</source>
        <translation>Angemeldet als %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>vPBX administrator</source>
        <translation>vPBX-Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>&amp;Access log ...</source>
        <translation>&amp;Zugriffsprotokoll ...</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>Every request to the provisioning server, with refusals and their reasons.</source>
        <translation>Jede Anfrage an den Provisioning-Server, mit Abweisungen und ihren Gründen.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>&amp;Restart provisioning server</source>
        <translation>Provisioning-Server neu &amp;starten</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>&amp;Manual ...</source>
        <translation>&amp;Handbuch ...</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <source>&amp;Procedures</source>
        <translation>&amp;Abläufe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>&amp;About</source>
        <translation>&amp;Über</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>About VoIP Device Console</source>
        <translation>Über VoIP-Gerätekonsole</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>VoIP Device Console

Provisions the VoIP phones, DECT systems and gateways of a virtual PBX and shows whether they loaded their configuration.</source>
        <translation>VoIP-Gerätekonsole

Versorgt die VoIP-Telefone, DECT-Systeme und Gateways einer virtuellen Nebenstellenanlage mit ihrer Konfiguration und zeigt, ob sie sie geladen haben.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>Provisioning server</source>
        <translation>Provisioning-Server</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <source>Restarting the provisioning server ...</source>
        <translation>Der Provisioning-Server wird neu gestartet ...</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>Registration monitor</source>
        <translation>Registrierungsmonitor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="237"/>
        <source>Restarting the registration monitor ...</source>
        <translation>Der Registrierungsmonitor wird neu gestartet ...</translation>
    </message>
</context>
<context>
    <name>ManualConfigureDialog</name>
    <message>
        <location filename="../../ui/device/manual_configure_dialog.py" line="37"/>
        <source>Manual configure — %1, line %2</source>
        <translation>Manuell konfigurieren — %1, Leitung %2</translation>
    </message>
    <message>
        <location filename="../../ui/device/manual_configure_dialog.py" line="44"/>
        <source>Follow these instructions carefully. The device loads its configuration from the link below the next time it restarts or is told to download it.</source>
        <translation>Befolgen Sie diese Anweisungen sorgfältig. Das Gerät lädt seine Konfiguration über den Link unten, wenn es das nächste Mal neu startet oder zum Herunterladen angewiesen wird.</translation>
    </message>
    <message>
        <location filename="../../ui/device/manual_configure_dialog.py" line="59"/>
        <source>&amp;Link:</source>
        <translation>&amp;Link:</translation>
    </message>
    <message>
        <location filename="../../ui/device/manual_configure_dialog.py" line="64"/>
        <source>The link with the device&apos;s access key. Copy it into the device&apos;s configuration interface; keep it private: whoever has it can read the device&apos;s configuration.</source>
        <translation>Der Link mit dem Zugangsschlüssel des Geräts. Kopieren Sie ihn in die Konfigurationsoberfläche des Geräts; halten Sie ihn geheim: Wer ihn hat, kann die Konfiguration des Geräts lesen.</translation>
    </message>
    <message>
        <location filename="../../ui/device/manual_configure_dialog.py" line="68"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/device/manual_configure_dialog.py" line="69"/>
        <source>Put the link on the clipboard.</source>
        <translation>Den Link in die Zwischenablage legen.</translation>
    </message>
    <message>
        <location filename="../../ui/device/manual_configure_dialog.py" line="83"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/device/manual_configure_dialog.py" line="84"/>
        <source>Close these instructions (Esc).</source>
        <translation>Diese Anweisungen schließen (Esc).</translation>
    </message>
    <message>
        <location filename="../../ui/device/manual_configure_dialog.py" line="89"/>
        <source>The link is on the clipboard.</source>
        <translation>Der Link ist in der Zwischenablage.</translation>
    </message>
</context>
<context>
    <name>MisuseBanner</name>
    <message>
        <location filename="../../ui/status/misuse_banner.py" line="54"/>
        <source>&amp;Procedure at misuse ...</source>
        <translation>&amp;Vorgehen bei Missbrauch ...</translation>
    </message>
    <message>
        <location filename="../../ui/status/misuse_banner.py" line="56"/>
        <source>Open the manual&apos;s &quot;Procedure at Loss of Critical Data and Misuse (Fraud)&quot;: new access keys, new SIP credentials and the transfer to every device of the line.</source>
        <translation>Im Handbuch den Abschnitt &quot;Procedure at Loss of Critical Data and Misuse (Fraud)&quot; öffnen: neue Zugangsschlüssel, neue SIP-Zugangsdaten und die Übertragung auf jedes Gerät der Leitung.</translation>
    </message>
    <message>
        <location filename="../../ui/status/misuse_banner.py" line="58"/>
        <source>Show access &amp;log</source>
        <translation>&amp;Zugriffsprotokoll anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/status/misuse_banner.py" line="59"/>
        <source>Every request to the provisioning server, refusals first.</source>
        <translation>Jede Anfrage an den Provisioning-Server, Abweisungen zuerst.</translation>
    </message>
    <message>
        <location filename="../../ui/status/misuse_banner.py" line="60"/>
        <source>&amp;Dismiss</source>
        <translation>&amp;Ausblenden</translation>
    </message>
    <message>
        <location filename="../../ui/status/misuse_banner.py" line="61"/>
        <source>Hide this notice; the requests stay in the access log.</source>
        <translation>Diesen Hinweis ausblenden; die Anfragen bleiben im Zugriffsprotokoll.</translation>
    </message>
    <message>
        <location filename="../../ui/status/misuse_banner.py" line="90"/>
        <source>A retired access key was used from %1 for device %2 at %3. This may mean the configuration was published (possible misuse).</source>
        <translation>Ein stillgelegter Zugangsschlüssel wurde von %1 für Gerät %2 um %3 verwendet. Das kann bedeuten, dass die Konfiguration veröffentlicht wurde (möglicher Missbrauch).</translation>
    </message>
    <message>
        <location filename="../../ui/status/misuse_banner.py" line="94"/>
        <source>%1 such requests since the last dismissal.</source>
        <translation>%1 solche Anfragen seit dem letzten Ausblenden.</translation>
    </message>
    <message>
        <location filename="../../ui/status/misuse_banner.py" line="107"/>
        <source>%1 of line %2</source>
        <translation>%1 der Leitung %2</translation>
    </message>
    <message>
        <location filename="../../ui/status/misuse_banner.py" line="109"/>
        <source>(deleted device)</source>
        <translation>(gelöschtes Gerät)</translation>
    </message>
</context>
<context>
    <name>ModulePage</name>
    <message>
        <location filename="../../ui/keys/view.py" line="121"/>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <location filename="../../ui/keys/view.py" line="123"/>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
</context>
<context>
    <name>NewPbxDialog</name>
    <message>
        <location filename="../../ui/pbx/new_pbx_dialog.py" line="19"/>
        <source>New vPBX</source>
        <translation>Neue vPBX</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/new_pbx_dialog.py" line="28"/>
        <source>&amp;Create</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/new_pbx_dialog.py" line="29"/>
        <source>Creates the vPBX; its lines are added on the Lines page.</source>
        <translation>Legt die vPBX an; ihre Leitungen werden auf der Seite Leitungen hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="60"/>
        <source>New console user</source>
        <translation>Neuer Konsolenbenutzer</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="71"/>
        <source>user (their own lines)</source>
        <translation>Benutzer (eigene Leitungen)</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="72"/>
        <source>vPBX administrator</source>
        <translation>vPBX-Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="77"/>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="78"/>
        <source>The name to log in with; unique, at most 64 characters.</source>
        <translation>Der Name für die Anmeldung; eindeutig, höchstens 64 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="79"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="80"/>
        <source>At least 8 characters; it is never shown.</source>
        <translation>Mindestens 8 Zeichen; es wird nie angezeigt.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="81"/>
        <source>&amp;Repeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="82"/>
        <source>The same password again, to catch typing errors.</source>
        <translation>Dasselbe Passwort noch einmal, um Tippfehler zu erkennen.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="83"/>
        <source>R&amp;ole:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="84"/>
        <source>A user sees and sets up only the lines checked below; a vPBX administrator manages the whole vPBX.</source>
        <translation>Ein Benutzer sieht und richtet nur die unten angehakten Leitungen ein; ein vPBX-Administrator verwaltet die ganze vPBX.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="86"/>
        <source>&amp;Lines:</source>
        <translation>&amp;Leitungen:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="87"/>
        <source>The lines this user may see and set up devices for.</source>
        <translation>Die Leitungen, die dieser Benutzer sehen und mit Geräten einrichten darf.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="90"/>
        <source>&amp;Create</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="91"/>
        <source>Creates the console user.</source>
        <translation>Legt den Konsolenbenutzer an.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="114"/>
        <source>the two passwords differ; type the same password twice.</source>
        <translation>die beiden Passwörter unterscheiden sich; geben Sie zweimal dasselbe Passwort ein.</translation>
    </message>
</context>
<context>
    <name>PbxForm</name>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="40"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="40"/>
        <source>The vPBX&apos;s name in this console; unique.</source>
        <translation>Der Name der vPBX in dieser Konsole; eindeutig.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="41"/>
        <source>SIP &amp;domain:</source>
        <translation>SIP-&amp;Domain:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="42"/>
        <source>The domain of the SIP addresses (user@domain) the devices register with.</source>
        <translation>Die Domain der SIP-Adressen (user@domain), mit denen sich die Geräte registrieren.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="44"/>
        <source>&amp;Registrar host:</source>
        <translation>&amp;Registrar-Host:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="45"/>
        <source>Host name or IP address of the exchange&apos;s registrar.</source>
        <translation>Hostname oder IP-Adresse des Registrars der Nebenstellenanlage.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="47"/>
        <source>Registrar p&amp;ort:</source>
        <translation>Registrar-P&amp;ort:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="48"/>
        <source>The registrar&apos;s port, 1 to 65535; usually 5060 (UDP/TCP) or 5061 (TLS).</source>
        <translation>Der Port des Registrars, 1 bis 65535; meist 5060 (UDP/TCP) oder 5061 (TLS).</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="49"/>
        <source>&amp;Transport:</source>
        <translation>&amp;Transport:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="50"/>
        <source>How the devices talk SIP to the exchange: UDP, TCP or TLS.</source>
        <translation>Wie die Geräte per SIP mit der Nebenstellenanlage sprechen: UDP, TCP oder TLS.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="51"/>
        <source>Outbound prox&amp;y:</source>
        <translation>Outbound-Prox&amp;y:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="52"/>
        <source>host or host:port of an outbound proxy; leave empty when there is none.</source>
        <translation>Host oder Host:Port eines Outbound-Proxys; leer lassen, wenn es keinen gibt.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="53"/>
        <source>&amp;WebSocket URL (WebRTC):</source>
        <translation>&amp;WebSocket-URL (WebRTC):</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="54"/>
        <source>SIP over WebSocket for browser phones, e.g. wss://pbx.example.net:8089/ws; may be empty.</source>
        <translation>SIP über WebSocket für Browser-Telefone, z. B. wss://pbx.example.net:8089/ws; darf leer sein.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="56"/>
        <source>WebRTC &amp;login page:</source>
        <translation>WebRTC-Anmeldes&amp;eite:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="57"/>
        <source>Where users open the web phone (the manual&apos;s &quot;Web-Telephone&quot;), e.g. https://pbx.example.net:8449/webphone.jsp; empty: port 8449 of the WebSocket host.</source>
        <translation>Wo Benutzer das Web-Telefon öffnen (das &quot;Web-Telephone&quot; des Handbuchs), z. B. https://pbx.example.net:8449/webphone.jsp; leer: Port 8449 des WebSocket-Hosts.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="60"/>
        <source>Call pic&amp;kup prefix:</source>
        <translation>Präfix für Anruf&amp;übernahme:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="61"/>
        <source>What the exchange expects before a number to pick up its call (BLF and team keys).</source>
        <translation>Was die Nebenstellenanlage vor einer Nummer erwartet, um deren Anruf zu übernehmen (BLF- und Teamtasten).</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="63"/>
        <source>Voice&amp;mail number:</source>
        <translation>&amp;Mailbox-Nummer:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="64"/>
        <source>What the voicemail key dials; empty: each device&apos;s own setting.</source>
        <translation>Was die Mailbox-Taste wählt; leer: die eigene Einstellung jedes Geräts.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="65"/>
        <source>NTP server:</source>
        <translation>NTP-Server:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="66"/>
        <source>The time server the devices set their clock from.</source>
        <translation>Der Zeitserver, nach dem die Geräte ihre Uhr stellen.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="67"/>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="68"/>
        <source>An IANA time zone, e.g. Europe/Berlin; type part of it to choose.</source>
        <translation>Eine IANA-Zeitzone, z. B. Europe/Berlin; tippen Sie einen Teil davon, um zu wählen.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="70"/>
        <source>Lan&amp;guage:</source>
        <translation>Spra&amp;che:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="71"/>
        <source>The language of the devices&apos; menus.</source>
        <translation>Die Sprache der Gerätemenüs.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="72"/>
        <source>TopStop l&amp;imit:</source>
        <translation>TopStop-L&amp;imit:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="73"/>
        <source>A charge limit for the whole vPBX against damage from misuse, e.g. 100 or 49.90; empty: none.</source>
        <translation>Ein Gebührenlimit für die ganze vPBX gegen Schaden durch Missbrauch, z. B. 100 oder 49.90; leer: keins.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/pbx_form.py" line="74"/>
        <source>none</source>
        <translation>keins</translation>
    </message>
</context>
<context>
    <name>PbxTab</name>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="52"/>
        <source>The vPBX whose data the pages below show.</source>
        <translation>Die vPBX, deren Daten die Seiten unten zeigen.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="54"/>
        <source>vPB&amp;X:</source>
        <translation>vPB&amp;X:</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="66"/>
        <source>&amp;Exchange</source>
        <translation>Anla&amp;ge</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="67"/>
        <source>A&amp;ccounts</source>
        <translation>&amp;Konten</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="68"/>
        <source>&amp;Lines</source>
        <translation>&amp;Leitungen</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="69"/>
        <source>Phone&amp;book</source>
        <translation>Telefon&amp;buch</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="70"/>
        <source>&amp;Users</source>
        <translation>Ben&amp;utzer</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="72"/>
        <source>Access data of the telephone exchange, time and language, TopStop of the vPBX.</source>
        <translation>Zugangsdaten der Nebenstellenanlage, Zeit und Sprache, TopStop der vPBX.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="73"/>
        <source>Accounts and their TopStop charge limits.</source>
        <translation>Konten und ihre TopStop-Gebührenlimits.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="74"/>
        <source>Telephone lines with their SIP registration data.</source>
        <translation>Telefonleitungen mit ihren SIP-Registrierungsdaten.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="75"/>
        <source>The vPBX phonebook the devices load.</source>
        <translation>Das vPBX-Telefonbuch, das die Geräte laden.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="76"/>
        <source>Console users of this vPBX and their lines.</source>
        <translation>Konsolenbenutzer dieser vPBX und ihre Leitungen.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="139"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="140"/>
        <source>The exchange access data of %1 have unsaved changes.</source>
        <translation>Die Zugangsdaten der Nebenstellenanlage %1 haben ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="143"/>
        <source>Save them before showing %1?</source>
        <translation>Vor dem Anzeigen von %1 speichern?</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="210"/>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="211"/>
        <source>Creating the demo vPBX with its lines and devices ...</source>
        <translation>Die Demo-vPBX mit ihren Leitungen und Geräten wird angelegt ...</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/pbx_tab.py" line="221"/>
        <source>the demo data were not created.</source>
        <translation>die Demodaten wurden nicht angelegt.</translation>
    </message>
</context>
<context>
    <name>PhonebookPage</name>
    <message>
        <location filename="../../ui/pbx/phonebook.py" line="23"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/phonebook.py" line="23"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/phonebook.py" line="25"/>
        <source>Del deletes the selected entry.</source>
        <translation>Entf löscht den ausgewählten Eintrag.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/phonebook.py" line="31"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/phonebook.py" line="32"/>
        <source>How the entry appears in the devices&apos; phonebook.</source>
        <translation>Wie der Eintrag im Telefonbuch der Geräte erscheint.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/phonebook.py" line="33"/>
        <source>Nu&amp;mber:</source>
        <translation>Nu&amp;mmer:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/phonebook.py" line="34"/>
        <source>2 to 20 digits, optionally a leading +; spaces are removed.</source>
        <translation>2 bis 20 Ziffern, optional ein führendes +; Leerzeichen werden entfernt.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/phonebook.py" line="37"/>
        <source>&amp;Add entry</source>
        <translation>Eintrag hin&amp;zufügen</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/phonebook.py" line="38"/>
        <source>Adds the entry; the devices load it with their next synchronization.</source>
        <translation>Fügt den Eintrag hinzu; die Geräte laden ihn bei ihrer nächsten Synchronisierung.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/phonebook.py" line="40"/>
        <source>&amp;Delete ...</source>
        <translation>Lö&amp;schen ...</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/phonebook.py" line="41"/>
        <source>Deletes the selected entry (Del).</source>
        <translation>Löscht den ausgewählten Eintrag (Entf).</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/phonebook.py" line="93"/>
        <source>Not added.</source>
        <translation>Nicht hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/phonebook.py" line="100"/>
        <source>Added. Synchronize the devices so that they load it.</source>
        <translation>Hinzugefügt. Synchronisieren Sie die Geräte, damit sie ihn laden.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/phonebook.py" line="109"/>
        <source>Delete the phonebook entry %1 (%2)? The devices lose it with their next synchronization.</source>
        <translation>Den Telefonbucheintrag %1 (%2) löschen? Die Geräte verlieren ihn bei ihrer nächsten Synchronisierung.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/phonebook.py" line="111"/>
        <source>Delete phonebook entry</source>
        <translation>Telefonbucheintrag löschen</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/phonebook.py" line="111"/>
        <source>&amp;Delete entry</source>
        <translation>Eintrag &amp;löschen</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/phonebook.py" line="122"/>
        <source>Deleted.</source>
        <translation>Gelöscht.</translation>
    </message>
</context>
<context>
    <name>PhonesTab</name>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="113"/>
        <source>Number, name or MAC</source>
        <translation>Nummer, Name oder MAC</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="114"/>
        <source>Show only lines whose number or name, or a device&apos;s MAC address, user or type contains this text (Ctrl+F).</source>
        <translation>Nur Leitungen zeigen, deren Nummer oder Name oder deren Gerät mit MAC-Adresse, Benutzer oder Typ diesen Text enthält (Ctrl+F).</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="120"/>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="126"/>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="127"/>
        <source>Read lines, devices and their last access again.</source>
        <translation>Leitungen, Geräte und deren letzten Zugriff neu lesen.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="129"/>
        <source>Sy&amp;nchronize selected</source>
        <translation>Ausgewählte sy&amp;nchronisieren</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="130"/>
        <source>Synchronize the selected devices (and every device of the selected lines), one after another.</source>
        <translation>Die ausgewählten Geräte (und jedes Gerät der ausgewählten Leitungen) nacheinander synchronisieren.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="118"/>
        <source>F&amp;ilter:</source>
        <translation>F&amp;ilter:</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="133"/>
        <source>Synchr&amp;onize all ...</source>
        <translation>Alle synchr&amp;onisieren ...</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="134"/>
        <source>Synchronize every device in the list (as filtered) that can be synchronized from the console, one after another.</source>
        <translation>Jedes Gerät der (gefilterten) Liste, das von der Konsole synchronisiert werden kann, nacheinander synchronisieren.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="161"/>
        <source>Lines with their devices. Enter or double-click opens a device&apos;s [Details ...]; Del deletes it.</source>
        <translation>Leitungen mit ihren Geräten. Enter oder Doppelklick öffnet [Details ...] eines Geräts; Entf löscht es.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="242"/>
        <source>Tell the selected device to load its configuration now.</source>
        <translation>Das ausgewählte Gerät anweisen, seine Konfiguration jetzt zu laden.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="243"/>
        <source>This device type cannot be synchronized from the console; it loads its configuration when it starts.</source>
        <translation>Dieser Gerätetyp kann nicht von der Konsole synchronisiert werden; er lädt seine Konfiguration beim Start.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="301"/>
        <source>%1 lines, %2 devices</source>
        <translation>%1 Leitungen, %2 Geräte</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="304"/>
        <source>%1 of %2 lines</source>
        <translation>%1 von %2 Leitungen</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="306"/>
        <source>Reading lines and devices ...</source>
        <translation>Leitungen und Geräte werden gelesen ...</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="308"/>
        <source>No telephone lines are visible to you yet.</source>
        <translation>Für Sie sind noch keine Telefonleitungen sichtbar.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="310"/>
        <source>No line matches the filter; change or clear it (Ctrl+F).</source>
        <translation>Keine Leitung passt zum Filter; ändern oder leeren Sie ihn (Ctrl+F).</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="318"/>
        <source>The lines could not be read: %1</source>
        <translation>Die Leitungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="399"/>
        <source>%1 created on line %2. Transfer its configuration with [Details ...].</source>
        <translation>%1 auf Leitung %2 angelegt. Übertragen Sie seine Konfiguration mit [Details ...].</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="408"/>
        <source>Delete VoIP device</source>
        <translation>VoIP-Gerät löschen</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="409"/>
        <source>Delete the %1 of line %2?</source>
        <translation>Das %1 der Leitung %2 löschen?</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="414"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="429"/>
        <source>The device&apos;s configuration on the telephone exchange was deleted.</source>
        <translation>Die Konfiguration des Geräts in der Nebenstellenanlage wurde gelöscht.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="442"/>
        <location filename="../../ui/tabs/phones_tab.py" line="524"/>
        <location filename="../../ui/tabs/phones_tab.py" line="545"/>
        <source>Synchronize</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="443"/>
        <source>Synchronizing the %1 of line %2 ...</source>
        <translation>Das %1 der Leitung %2 wird synchronisiert ...</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="452"/>
        <source>Synchronize was cancelled.</source>
        <translation>Synchronisieren wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="454"/>
        <source>The device loaded its current configuration.</source>
        <translation>Das Gerät hat seine aktuelle Konfiguration geladen.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="455"/>
        <source>The device accepted the request to load its configuration.</source>
        <translation>Das Gerät hat die Anfrage angenommen, seine Konfiguration zu laden.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="470"/>
        <source>No device in the list can be synchronized from the console.</source>
        <translation>Kein Gerät in der Liste kann von der Konsole synchronisiert werden.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="473"/>
        <source>Synchronize all</source>
        <translation>Alle synchronisieren</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="474"/>
        <source>Synchronize %1 devices?</source>
        <translation>%1 Geräte synchronisieren?</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="478"/>
        <source>The devices are told one after another (%1 per second, about %2 min) to load their configuration; you can cancel at any time. %3 devices without SIP resync are left out.</source>
        <translation>Die Geräte werden nacheinander (%1 pro Sekunde, etwa %2 min) angewiesen, ihre Konfiguration zu laden; Sie können jederzeit abbrechen. %3 Geräte ohne SIP-Resync werden ausgelassen.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="482"/>
        <source>S&amp;ynchronize</source>
        <translation>S&amp;ynchronisieren</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="507"/>
        <source>Select devices (or lines) that can be synchronized first.</source>
        <translation>Wählen Sie zuerst Geräte (oder Leitungen), die synchronisiert werden können.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="513"/>
        <source>Synchronizing device %1 of %2 ...</source>
        <translation>Gerät %1 von %2 wird synchronisiert ...</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="525"/>
        <source>Synchronizing %1 devices ...</source>
        <translation>%1 Geräte werden synchronisiert ...</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="538"/>
        <source>%1 synchronized, %2 failed.</source>
        <translation>%1 synchronisiert, %2 fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="541"/>
        <source>Cancelled: %1 not tried.</source>
        <translation>Abgebrochen: %1 nicht versucht.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="549"/>
        <source>... and %1 more</source>
        <translation>... und %1 weitere</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="557"/>
        <source>device %1</source>
        <translation>Gerät %1</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/phones_tab.py" line="558"/>
        <source>%1 on line %2</source>
        <translation>%1 auf Leitung %2</translation>
    </message>
</context>
<context>
    <name>PhonesTreeModel</name>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="122"/>
        <source>Telephone: (empty — choose a type)</source>
        <translation>Telefon: (leer — Typ auswählen)</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="124"/>
        <source>no devices</source>
        <translation>keine Geräte</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="125"/>
        <source>1 device</source>
        <translation>1 Gerät</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="126"/>
        <source>%1 devices</source>
        <translation>%1 Geräte</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="128"/>
        <source>not loaded yet</source>
        <translation>noch nicht geladen</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="129"/>
        <source>needs sync</source>
        <translation>Synchronisieren nötig</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="130"/>
        <source>synchronized</source>
        <translation>synchronisiert</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="132"/>
        <source>synchronized %1</source>
        <translation>synchronisiert %1</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="133"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="135"/>
        <source>not probed</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="136"/>
        <source>reachable</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="137"/>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="220"/>
        <source>Phones</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="221"/>
        <source>Reading lines and devices ...</source>
        <translation>Leitungen und Geräte werden gelesen ...</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="553"/>
        <source>Number / Device</source>
        <translation>Nummer / Gerät</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="554"/>
        <source>Display name / User</source>
        <translation>Anzeigename / Benutzer</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="555"/>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="556"/>
        <source>Sync state</source>
        <translation>Synchronisierungsstatus</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="557"/>
        <source>Last access</source>
        <translation>Letzter Zugriff</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="558"/>
        <source>Reachable</source>
        <translation>Erreichbar</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="559"/>
        <source>Configuration URL</source>
        <translation>Konfigurations-URL</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="617"/>
        <source>An empty telephone of line %1: choose the device type beside the list and click [+ Save].</source>
        <translation>Ein leeres Telefon der Leitung %1: Wählen Sie den Gerätetyp neben der Liste und klicken Sie auf [+ Speichern].</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="682"/>
        <source>The device has not loaded its configuration from this link yet.</source>
        <translation>Das Gerät hat seine Konfiguration noch nicht über diesen Link geladen.</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="683"/>
        <source>The configuration changed since the device loaded it: synchronize the device.</source>
        <translation>Die Konfiguration hat sich geändert, seit das Gerät sie geladen hat: Synchronisieren Sie das Gerät.</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="685"/>
        <source>The device has loaded the current configuration.</source>
        <translation>Das Gerät hat die aktuelle Konfiguration geladen.</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="688"/>
        <source>User agent: %1</source>
        <translation>User-Agent: %1</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="692"/>
        <source>The SIP monitor has not probed this device yet (it probes registered devices).</source>
        <translation>Der SIP-Monitor hat dieses Gerät noch nicht geprüft (er prüft registrierte Geräte).</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="694"/>
        <source>The device answered the SIP monitor&apos;s last probe.</source>
        <translation>Das Gerät hat auf die letzte Prüfung des SIP-Monitors geantwortet.</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="695"/>
        <source>The device did not answer the SIP monitor&apos;s last probes: check that it is powered and connected, then [State ...].</source>
        <translation>Das Gerät hat auf die letzten Prüfungen des SIP-Monitors nicht geantwortet: Prüfen Sie, ob es Strom hat und verbunden ist, dann [Status ...].</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels/phones_tree_model.py" line="698"/>
        <source>The device loads its configuration from this link (it contains the access key).</source>
        <translation>Das Gerät lädt seine Konfiguration über diesen Link (er enthält den Zugangsschlüssel).</translation>
    </message>
</context>
<context>
    <name>QrDialog</name>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="102"/>
        <source>QR code for the app of line %1</source>
        <translation>QR-Code für die App der Leitung %1</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="105"/>
        <source>1. Start the app on the smartphone and scan this QR code.
2. Wait for the app to load the configuration.
3. Check below (or with [Refresh]) that the configuration was loaded.</source>
        <translation>1. Starten Sie die App auf dem Smartphone und scannen Sie diesen QR-Code.
2. Warten Sie, bis die App die Konfiguration geladen hat.
3. Prüfen Sie unten (oder mit [Aktualisieren]), dass die Konfiguration geladen wurde.</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="112"/>
        <source>Scan this code with the app. It holds the device&apos;s configuration link.</source>
        <translation>Scannen Sie diesen Code mit der App. Er enthält den Konfigurationslink des Geräts.</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="113"/>
        <source>QR code of the configuration link</source>
        <translation>QR-Code des Konfigurationslinks</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="115"/>
        <location filename="../../ui/device/qr_dialog.py" line="235"/>
        <source>Show &amp;link</source>
        <translation>&amp;Link anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="119"/>
        <source>Show the link as text, e.g. to enter it in the app by hand. The link contains the device&apos;s secret access key: anyone who has it can load the configuration, SIP password included.</source>
        <translation>Den Link als Text anzeigen, z. B. um ihn von Hand in die App einzugeben. Der Link enthält den geheimen Zugangsschlüssel des Geräts: Wer ihn hat, kann die Konfiguration laden, samt SIP-Passwort.</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="128"/>
        <source>The configuration link (secret: contains the access key).</source>
        <translation>Der Konfigurationslink (geheim: enthält den Zugangsschlüssel).</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="130"/>
        <source>The link contains a secret access key; show it only where nobody else can read it.</source>
        <translation>Der Link enthält einen geheimen Zugangsschlüssel; zeigen Sie ihn nur, wo niemand sonst ihn lesen kann.</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="144"/>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="146"/>
        <source>Read the device&apos;s last access again (F5).</source>
        <translation>Den letzten Zugriff des Geräts neu lesen (F5).</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="152"/>
        <source>Close this window (Esc).</source>
        <translation>Dieses Fenster schließen (Esc).</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="190"/>
        <source>New link</source>
        <translation>Neuer Link</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="191"/>
        <source>This device already loaded its configuration (last access %1). A new QR code makes a new link and the current link invalid at once: the app already installed with the old link will stop receiving updates until it is set up again with the new code.</source>
        <translation>Dieses Gerät hat seine Konfiguration bereits geladen (letzter Zugriff %1). Ein neuer QR-Code erzeugt einen neuen Link und macht den aktuellen Link sofort ungültig: Die bereits mit dem alten Link eingerichtete App erhält keine Aktualisierungen mehr, bis sie mit dem neuen Code neu eingerichtet ist.</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="195"/>
        <source>Make &amp;new link</source>
        <translation>&amp;Neuen Link erzeugen</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="235"/>
        <source>Hide &amp;link</source>
        <translation>&amp;Link verbergen</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="269"/>
        <source>Waiting for the app to load its configuration …</source>
        <translation>Warten, bis die App ihre Konfiguration lädt …</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="271"/>
        <source>Configuration loaded at %1 from %2.</source>
        <translation>Konfiguration um %1 von %2 geladen.</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="273"/>
        <source>an unknown address</source>
        <translation>einer unbekannten Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="276"/>
        <source>Last Access: never</source>
        <translation>Letzter Zugriff: nie</translation>
    </message>
    <message>
        <location filename="../../ui/device/qr_dialog.py" line="281"/>
        <source>Last Access: %1</source>
        <translation>Letzter Zugriff: %1</translation>
    </message>
</context>
<context>
    <name>ServerStatusWidget</name>
    <message>
        <location filename="../../ui/status/server_status.py" line="42"/>
        <source>Provisioning: not started</source>
        <translation>Provisioning: nicht gestartet</translation>
    </message>
    <message>
        <location filename="../../ui/status/server_status.py" line="43"/>
        <source>The provisioning server, from which the devices load their configuration, has not been started yet.</source>
        <translation>Der Provisioning-Server, von dem die Geräte ihre Konfiguration laden, wurde noch nicht gestartet.</translation>
    </message>
    <message>
        <location filename="../../ui/status/server_status.py" line="57"/>
        <source>Provisioning: running at %1 (warning)</source>
        <translation>Provisioning: läuft auf %1 (Warnung)</translation>
    </message>
    <message>
        <location filename="../../ui/status/server_status.py" line="58"/>
        <source>Running since %1 at %2.

Warning: %3</source>
        <translation>Läuft seit %1 auf %2.

Warnung: %3</translation>
    </message>
    <message>
        <location filename="../../ui/status/server_status.py" line="62"/>
        <source>Provisioning: running at %1</source>
        <translation>Provisioning: läuft auf %1</translation>
    </message>
    <message>
        <location filename="../../ui/status/server_status.py" line="63"/>
        <source>The devices load their configuration from %1 (running since %2).</source>
        <translation>Die Geräte laden ihre Konfiguration von %1 (läuft seit %2).</translation>
    </message>
    <message>
        <location filename="../../ui/status/server_status.py" line="67"/>
        <source>Provisioning: error</source>
        <translation>Provisioning: Fehler</translation>
    </message>
    <message>
        <location filename="../../ui/status/server_status.py" line="68"/>
        <source>The provisioning server at %1 is not running (since %2):
%3</source>
        <translation>Der Provisioning-Server auf %1 läuft nicht (seit %2):
%3</translation>
    </message>
    <message>
        <location filename="../../ui/status/server_status.py" line="72"/>
        <source>Provisioning: stopped</source>
        <translation>Provisioning: gestoppt</translation>
    </message>
    <message>
        <location filename="../../ui/status/server_status.py" line="73"/>
        <source>The provisioning server at %1 was stopped at %2; devices cannot load configurations.</source>
        <translation>Der Provisioning-Server auf %1 wurde um %2 gestoppt; Geräte können keine Konfigurationen laden.</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../ui/settings/form.py" line="76"/>
        <source>Provisioning server</source>
        <translation>Provisioning-Server</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="79"/>
        <source>&amp;Bind address:</source>
        <translation>&amp;Bind-Adresse:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="80"/>
        <source>The address the server listens on: 0.0.0.0 listens on every IPv4 address, :: on every IPv6 one, 127.0.0.1 only on this computer.</source>
        <translation>Die Adresse, auf der der Server lauscht: 0.0.0.0 lauscht auf jeder IPv4-Adresse, :: auf jeder IPv6-Adresse, 127.0.0.1 nur auf diesem Computer.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="84"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="85"/>
        <source>The TCP port of the server, 1 to 65535; the devices&apos; links contain it (default 8448).</source>
        <translation>Der TCP-Port des Servers, 1 bis 65535; die Links der Geräte enthalten ihn (Standard 8448).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="87"/>
        <source>empty: this computer&apos;s name</source>
        <translation>leer: der Name dieses Computers</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="88"/>
        <source>Public &amp;host:</source>
        <translation>Öffentlicher &amp;Host:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="89"/>
        <source>The host name or address the devices use in their link; it must reach this computer.</source>
        <translation>Der Hostname oder die Adresse, die die Geräte in ihrem Link verwenden; sie muss diesen Computer erreichen.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="90"/>
        <source>Serve &amp;over HTTPS (TLS)</source>
        <translation>Über HTTPS (TLS) &amp;ausliefern</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="92"/>
        <source>HTTPS encrypts the configurations, which contain SIP and device passwords. Turn it off only for devices that cannot use HTTPS.</source>
        <translation>HTTPS verschlüsselt die Konfigurationen, die SIP- und Gerätepasswörter enthalten. Schalten Sie es nur für Geräte ab, die kein HTTPS können.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="96"/>
        <source>Plain HTTP: configurations with SIP and device passwords travel unencrypted and can be read by anyone on the network path.</source>
        <translation>Einfaches HTTP: Konfigurationen mit SIP- und Gerätepasswörtern werden unverschlüsselt übertragen und können von jedem auf dem Netzwerkpfad gelesen werden.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="102"/>
        <source>Minimum &amp;TLS version:</source>
        <translation>Minimale &amp;TLS-Version:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="103"/>
        <source>The oldest TLS version the server accepts: 1.2 (default) or 1.3; 1.0 and 1.1 only for old devices that need them.</source>
        <translation>Die älteste TLS-Version, die der Server akzeptiert: 1.2 (Standard) oder 1.3; 1.0 und 1.1 nur für alte Geräte, die sie brauchen.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="108"/>
        <source>The link the devices load their configuration from, with these settings.</source>
        <translation>Der Link, über den die Geräte mit diesen Einstellungen ihre Konfiguration laden.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="110"/>
        <source>Devices load from:</source>
        <translation>Geräte laden von:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="118"/>
        <source>SIP</source>
        <translation>SIP</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="122"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="123"/>
        <source>Registration &amp;monitor interval:</source>
        <translation>Intervall des Registrierungs&amp;monitors:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="124"/>
        <source>How often the registration monitor checks every device, 5 to 3600 seconds; the monitor uses a new interval when it is started again.</source>
        <translation>Wie oft der Registrierungsmonitor jedes Gerät prüft, 5 bis 3600 Sekunden; der Monitor verwendet ein neues Intervall, wenn er neu gestartet wird.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="127"/>
        <source>Directly to the device</source>
        <translation>Direkt zum Gerät</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="128"/>
        <source>Through the exchange</source>
        <translation>Über die Nebenstellenanlage</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="129"/>
        <source>&amp;NOTIFY route:</source>
        <translation>&amp;NOTIFY-Weg:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="130"/>
        <source>How [Synchronize] and [Restart ...] reach the device: directly to its registered address, or through the exchange (Kamailio, needs its JSON-RPC URL).</source>
        <translation>Wie [Synchronisieren] und [Neustart ...] das Gerät erreichen: direkt an seine registrierte Adresse oder über die Nebenstellenanlage (Kamailio, braucht deren JSON-RPC-URL).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="133"/>
        <source>REGISTER query to the registrar</source>
        <translation>REGISTER-Abfrage beim Registrar</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="134"/>
        <source>Kamailio JSON-RPC</source>
        <translation>Kamailio JSON-RPC</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="135"/>
        <source>Registration sour&amp;ce:</source>
        <translation>&amp;Quelle der Registrierungen:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="136"/>
        <source>Where [State ...] reads the registrations: a REGISTER without Contact to the registrar, or the exchange&apos;s Kamailio JSON-RPC interface.</source>
        <translation>Woher [Status ...] die Registrierungen liest: ein REGISTER ohne Contact an den Registrar oder die Kamailio-JSON-RPC-Schnittstelle der Nebenstellenanlage.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="140"/>
        <source>&amp;Kamailio RPC URL:</source>
        <translation>&amp;Kamailio-RPC-URL:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="141"/>
        <source>The exchange&apos;s Kamailio JSON-RPC URL, e.g. http://127.0.0.1:5071/RPC; needed for the Kamailio registration source and the NOTIFY route through the exchange.</source>
        <translation>Die Kamailio-JSON-RPC-URL der Nebenstellenanlage, z. B. http://127.0.0.1:5071/RPC; nötig für die Kamailio-Registrierungsquelle und den NOTIFY-Weg über die Nebenstellenanlage.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="144"/>
        <source>SIP bind add&amp;ress:</source>
        <translation>SIP-Bind-Adr&amp;esse:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="145"/>
        <source>The local address SIP requests are sent from; 0.0.0.0 lets the system choose.</source>
        <translation>Die lokale Adresse, von der SIP-Anfragen gesendet werden; bei 0.0.0.0 wählt das System.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="154"/>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="159"/>
        <source>&amp;Language:</source>
        <translation>Sp&amp;rache:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="160"/>
        <source>The language of this console&apos;s windows.</source>
        <translation>Die Sprache der Fenster dieser Konsole.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="161"/>
        <source>A new language takes effect after the console is restarted.</source>
        <translation>Eine neue Sprache wird nach einem Neustart der Konsole wirksam.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="268"/>
        <source>&lt;access key&gt;.cfg</source>
        <translation>&lt;Zugangsschlüssel&gt;.cfg</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../ui/tabs/settings_tab.py" line="34"/>
        <source>Only administrators can change these settings.</source>
        <translation>Nur Administratoren können diese Einstellungen ändern.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/settings_tab.py" line="41"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/settings_tab.py" line="43"/>
        <source>Check and save all settings (Ctrl+S); nothing is saved while a field is wrong.</source>
        <translation>Alle Einstellungen prüfen und speichern (Ctrl+S); solange ein Feld falsch ist, wird nichts gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/settings_tab.py" line="45"/>
        <source>Re&amp;vert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/settings_tab.py" line="46"/>
        <source>Discard the changes and show the saved settings again.</source>
        <translation>Die Änderungen verwerfen und wieder die gespeicherten Einstellungen zeigen.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/settings_tab.py" line="106"/>
        <source>Nothing was saved: correct the marked field.</source>
        <translation>Nichts wurde gespeichert: Korrigieren Sie das markierte Feld.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/settings_tab.py" line="107"/>
        <source>Nothing was saved: correct the marked fields.</source>
        <translation>Nichts wurde gespeichert: Korrigieren Sie die markierten Felder.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/settings_tab.py" line="114"/>
        <source>Nothing was saved: %1</source>
        <translation>Nichts wurde gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/settings_tab.py" line="118"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/settings_tab.py" line="121"/>
        <source>The provisioning server restarts with the new settings ...</source>
        <translation>Der Provisioning-Server startet mit den neuen Einstellungen neu ...</translation>
    </message>
</context>
<context>
    <name>StateDialog</name>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="122"/>
        <source>State of line %1</source>
        <translation>Status der Leitung %1</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="124"/>
        <source>Line %1 – %2</source>
        <translation>Leitung %1 – %2</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="132"/>
        <source>The device of the line whose registration the checks below judge.</source>
        <translation>Das Gerät der Leitung, dessen Registrierung die Prüfungen unten bewerten.</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="134"/>
        <source>%1 (device %2)</source>
        <translation>%1 (Gerät %2)</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="137"/>
        <source>(the line has no device)</source>
        <translation>(die Leitung hat kein Gerät)</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="144"/>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="161"/>
        <source>User Agent</source>
        <translation>User-Agent</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="161"/>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="161"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="161"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="162"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="162"/>
        <source>Reachable</source>
        <translation>Erreichbar</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="162"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="163"/>
        <source>The registrations of the line as the registrar reports them.</source>
        <translation>Die Registrierungen der Leitung, wie der Registrar sie meldet.</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="173"/>
        <source>Registrations</source>
        <translation>Registrierungen</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="178"/>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="182"/>
        <source>: not checked yet.</source>
        <translation>: noch nicht geprüft.</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="188"/>
        <source>If no registration is possible, see &apos;Support for Problems&apos; in the manual.</source>
        <translation>Wenn keine Registrierung möglich ist, siehe &apos;Support for Problems&apos; im Handbuch.</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="193"/>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="195"/>
        <source>Ask the registrar again (F5).</source>
        <translation>Den Registrar erneut fragen (F5).</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="201"/>
        <source>Close this window (Esc).</source>
        <translation>Dieses Fenster schließen (Esc).</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="237"/>
        <source>Asking the registrar for the registrations of this line …</source>
        <translation>Der Registrar wird nach den Registrierungen dieser Leitung gefragt …</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="245"/>
        <source>Registration state</source>
        <translation>Registrierungsstatus</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="245"/>
        <source>Asking the registrar …</source>
        <translation>Registrar wird gefragt …</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="254"/>
        <source>Read at %1.</source>
        <translation>Gelesen um %1.</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="257"/>
        <source>the registration state could not be read.</source>
        <translation>der Registrierungsstatus konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="259"/>
        <source>The registrar could not be asked.</source>
        <translation>Der Registrar konnte nicht gefragt werden.</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="279"/>
        <source>No registration: no device is registered on line %1.</source>
        <translation>Keine Registrierung: Auf Leitung %1 ist kein Gerät registriert.</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="294"/>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="294"/>
        <source>failed</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="305"/>
        <source>Whether the User Agent matches the type of a device of this line.</source>
        <translation>Ob der User-Agent zum Typ eines Geräts dieser Leitung passt.</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="314"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="316"/>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="318"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="320"/>
        <source>yes (%1 ms)</source>
        <translation>ja (%1 ms)</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="322"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="325"/>
        <source>matches %1</source>
        <translation>passt zu %1</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="327"/>
        <source>does not match</source>
        <translation>passt nicht</translation>
    </message>
    <message>
        <location filename="../../ui/device/state_dialog.py" line="328"/>
        <source>(none)</source>
        <translation>(keins)</translation>
    </message>
</context>
<context>
    <name>TaskRun</name>
    <message>
        <location filename="../../ui/tasks.py" line="28"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/tasks.py" line="43"/>
        <source>Cancelling ...</source>
        <translation>Wird abgebrochen ...</translation>
    </message>
</context>
<context>
    <name>UserLinesDialog</name>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="137"/>
        <source>Lines of %1</source>
        <translation>Leitungen von %1</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="141"/>
        <source>Check the lines %1 may see and set up devices for.</source>
        <translation>Haken Sie die Leitungen an, die %1 sehen und mit Geräten einrichten darf.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="144"/>
        <source>&amp;Lines:</source>
        <translation>&amp;Leitungen:</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="146"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="147"/>
        <source>Saves the checked lines; the user sees them at the next login.</source>
        <translation>Speichert die angehakten Leitungen; der Benutzer sieht sie bei der nächsten Anmeldung.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/user_dialogs.py" line="153"/>
        <source>%1 sees only the checked lines.</source>
        <translation>%1 sieht nur die angehakten Leitungen.</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../ui/pbx/users.py" line="25"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="25"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="25"/>
        <source>Lines</source>
        <translation>Leitungen</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="27"/>
        <source>Enter changes the selected user&apos;s lines, Del deletes the user.</source>
        <translation>Enter ändert die Leitungen des ausgewählten Benutzers, Entf löscht den Benutzer.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="32"/>
        <source>&amp;New user ...</source>
        <translation>&amp;Neuer Benutzer ...</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="33"/>
        <source>Creates a console user of this vPBX.</source>
        <translation>Legt einen Konsolenbenutzer dieser vPBX an.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="35"/>
        <source>L&amp;ines ...</source>
        <translation>L&amp;eitungen ...</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="36"/>
        <source>Chooses the lines the selected user sees (Enter).</source>
        <translation>Wählt die Leitungen, die der ausgewählte Benutzer sieht (Enter).</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="38"/>
        <source>&amp;Delete ...</source>
        <translation>Lö&amp;schen ...</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="39"/>
        <source>Deletes the selected console user (Del); never yourself.</source>
        <translation>Löscht den ausgewählten Konsolenbenutzer (Entf); nie Sie selbst.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="49"/>
        <source>Console users log in to this console: a vPBX administrator manages the whole vPBX, a user only the devices of their lines.</source>
        <translation>Konsolenbenutzer melden sich an dieser Konsole an: Ein vPBX-Administrator verwaltet die ganze vPBX, ein Benutzer nur die Geräte seiner Leitungen.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="59"/>
        <source>provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="59"/>
        <source>vPBX administrator</source>
        <translation>vPBX-Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="60"/>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="82"/>
        <source>all (administrator)</source>
        <translation>alle (Administrator)</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="139"/>
        <source>You cannot delete yourself; another administrator can.</source>
        <translation>Sie können sich nicht selbst löschen; ein anderer Administrator kann das.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="141"/>
        <source>Delete the console user %1? They can no longer log in; lines and devices stay.</source>
        <translation>Den Konsolenbenutzer %1 löschen? Die Anmeldung ist dann nicht mehr möglich; Leitungen und Geräte bleiben.</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="143"/>
        <source>Delete console user</source>
        <translation>Konsolenbenutzer löschen</translation>
    </message>
    <message>
        <location filename="../../ui/pbx/users.py" line="143"/>
        <source>&amp;Delete user</source>
        <translation>Benutzer &amp;löschen</translation>
    </message>
</context>
<context>
    <name>WebRtcDialog</name>
    <message>
        <location filename="../../ui/device/webrtc_dialog.py" line="70"/>
        <source>Web-Telephone of line %1</source>
        <translation>Web-Telefon der Leitung %1</translation>
    </message>
    <message>
        <location filename="../../ui/device/webrtc_dialog.py" line="73"/>
        <source>1. You need an RTC-enabled web browser, e.g. Google Chrome. Safari on the Mac is not sufficient currently.</source>
        <translation>1. Sie brauchen einen RTC-fähigen Webbrowser, z. B. Google Chrome. Safari auf dem Mac reicht derzeit nicht aus.</translation>
    </message>
    <message>
        <location filename="../../ui/device/webrtc_dialog.py" line="75"/>
        <source>2. In the web browser, call the WebRTC &amp;login:</source>
        <translation>2. Rufen Sie im Webbrowser die WebRTC-&amp;Anmeldung auf:</translation>
    </message>
    <message>
        <location filename="../../ui/device/webrtc_dialog.py" line="79"/>
        <source>The address of the WebRTC login of the exchange (read-only; select it or use [Copy]).</source>
        <translation>Die Adresse der WebRTC-Anmeldung der Nebenstellenanlage (schreibgeschützt; markieren Sie sie oder verwenden Sie [Kopieren]).</translation>
    </message>
    <message>
        <location filename="../../ui/device/webrtc_dialog.py" line="82"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/device/webrtc_dialog.py" line="84"/>
        <source>Copy the login address to the clipboard.</source>
        <translation>Die Anmeldeadresse in die Zwischenablage kopieren.</translation>
    </message>
    <message>
        <location filename="../../ui/device/webrtc_dialog.py" line="86"/>
        <source>&amp;Open in browser</source>
        <translation>Im Browser ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../../ui/device/webrtc_dialog.py" line="88"/>
        <source>Open the login in the default web browser of this computer.</source>
        <translation>Die Anmeldung im Standard-Webbrowser dieses Computers öffnen.</translation>
    </message>
    <message>
        <location filename="../../ui/device/webrtc_dialog.py" line="91"/>
        <source>This address follows the manual&apos;s example (https://&lt;exchange&gt;:%1%2) on the host of the vPBX&apos;s WebSocket address %3. Check with your provider or vPBX administrator how the URL is.</source>
        <translation>Diese Adresse folgt dem Beispiel des Handbuchs (https://&lt;exchange&gt;:%1%2) auf dem Host der WebSocket-Adresse %3 der vPBX. Fragen Sie Ihren Provider oder vPBX-Administrator nach der genauen URL.</translation>
    </message>
    <message>
        <location filename="../../ui/device/webrtc_dialog.py" line="95"/>
        <source>This is the WebRTC login page set in the vPBX&apos;s exchange access data.</source>
        <translation>Dies ist die WebRTC-Anmeldeseite aus den Zugangsdaten der Nebenstellenanlage der vPBX.</translation>
    </message>
    <message>
        <location filename="../../ui/device/webrtc_dialog.py" line="100"/>
        <source>The vPBX has neither a WebRTC login page nor a WebSocket address for browser phones, so the WebRTC login is not known: enter it in the vPBX&apos;s exchange access data, or ask your provider.</source>
        <translation>Die vPBX hat weder eine WebRTC-Anmeldeseite noch eine WebSocket-Adresse für Browser-Telefone, daher ist die WebRTC-Anmeldung nicht bekannt: Geben Sie sie in den Zugangsdaten der Nebenstellenanlage der vPBX ein, oder fragen Sie Ihren Provider.</translation>
    </message>
    <message>
        <location filename="../../ui/device/webrtc_dialog.py" line="105"/>
        <source>3. Enter the user name and password of the AdminCenter account in the WebRTC login. → The window opens the Web-Telephone.</source>
        <translation>3. Geben Sie in der WebRTC-Anmeldung Benutzername und Passwort des AdminCenter-Kontos ein. → Das Fenster öffnet das Web-Telefon.</translation>
    </message>
    <message>
        <location filename="../../ui/device/webrtc_dialog.py" line="108"/>
        <source>4. Verify that the Web-Telephone registered successfully: click [State ...] and check the registration; check on the Web-Telephone&apos;s display too, and make outgoing and incoming calls.</source>
        <translation>4. Prüfen Sie, ob sich das Web-Telefon erfolgreich registriert hat: Klicken Sie auf [Status ...] und prüfen Sie die Registrierung; prüfen Sie auch die Anzeige des Web-Telefons, und tätigen Sie abgehende und ankommende Anrufe.</translation>
    </message>
    <message>
        <location filename="../../ui/device/webrtc_dialog.py" line="114"/>
        <source>&amp;State ...</source>
        <translation>&amp;Status ...</translation>
    </message>
    <message>
        <location filename="../../ui/device/webrtc_dialog.py" line="116"/>
        <source>Show the registrations of the line and the manual&apos;s checks.</source>
        <translation>Die Registrierungen der Leitung und die Prüfungen des Handbuchs anzeigen.</translation>
    </message>
    <message>
        <location filename="../../ui/device/webrtc_dialog.py" line="121"/>
        <source>Close this window (Esc).</source>
        <translation>Dieses Fenster schließen (Esc).</translation>
    </message>
    <message>
        <location filename="../../ui/device/webrtc_dialog.py" line="159"/>
        <source>No web browser could be started; copy the address and open it in Google Chrome.</source>
        <translation>Es konnte kein Webbrowser gestartet werden; kopieren Sie die Adresse und öffnen Sie sie in Google Chrome.</translation>
    </message>
</context>
<context>
    <name>launcher</name>
    <message>
        <location filename="../../ui/launcher.py" line="61"/>
        <source>The database cannot be opened.</source>
        <translation>Die Datenbank kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../../ui/launcher.py" line="64"/>
        <source>The device catalog cannot be loaded.</source>
        <translation>Der Gerätekatalog kann nicht geladen werden.</translation>
    </message>
    <message>
        <location filename="../../ui/launcher.py" line="67"/>
        <source>The settings cannot be read.</source>
        <translation>Die Einstellungen können nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../../ui/launcher.py" line="70"/>
        <source>The data directory cannot be used.</source>
        <translation>Das Datenverzeichnis kann nicht verwendet werden.</translation>
    </message>
    <message>
        <location filename="../../ui/launcher.py" line="72"/>
        <source>Check the options --data-dir and --db (see python main.py --help), then start again.</source>
        <translation>Prüfen Sie die Optionen --data-dir und --db (siehe python main.py --help) und starten Sie dann erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/launcher.py" line="78"/>
        <location filename="../../ui/launcher.py" line="97"/>
        <source>VoIP Device Console</source>
        <translation>VoIP-Gerätekonsole</translation>
    </message>
</context>
</TS>
