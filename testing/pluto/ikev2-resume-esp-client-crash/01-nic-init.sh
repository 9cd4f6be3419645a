# nic is a NAT router: west's only way out, masqueraded as 192.0.2.254
swan-nat-router west
