swan-x509
