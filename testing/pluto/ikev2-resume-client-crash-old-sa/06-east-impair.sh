# east can not decrypt the next IKE_AUTH: the resumption fails there
ipsec whack --impair corrupt-encrypted
