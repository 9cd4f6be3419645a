# after the gateway came back (05-east-unblock.sh)
../../guestbin/swan-log wait -t 15 -n 2 'initiator established IKE SA; authenticated peer using authby=secret'
../../guestbin/swan-log count 1 'sent IKE_SESSION_RESUME request to'
../../guestbin/swan-log count 2 'sent IKE_SA_INIT request to'
# ... all in the IKE SA that tried to resume
sa=$(../../guestbin/swan-log has 'sent IKE_SESSION_RESUME request to' | tail -1 | sed -E 's/.*(#[0-9]+):.*/\1/')
../../guestbin/swan-log has "$sa: initiator established IKE SA; authenticated peer using authby=secret"
