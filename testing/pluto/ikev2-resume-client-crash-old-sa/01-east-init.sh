../../guestbin/swan-prep --nokeys
# what east sends: IKE_AUTH responses (the rule works) and INFORMATIONAL
# (a Delete for the old IKE SA would be one); UDP header 8 octets, the
# IKE exchange type at octet 18 of the IKE header
nft -f "/testing/pluto/ikev2-resume-client-crash-old-sa/watch.nft"
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
