ipsec whack --impair record-outbound --impair drop-outbound:1
