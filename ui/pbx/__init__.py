"""The PBX tab's pages: exchange access data, accounts, lines, phonebook and console users of a vPBX."""
