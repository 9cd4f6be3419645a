../../guestbin/swan-resume-after-restart west-east
# no full handshake after the restart: the only IKE_SA_INIT is the first
../../guestbin/swan-log count 1 'sent IKE_SA_INIT request to'
