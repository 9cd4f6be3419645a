../../guestbin/swan-log has 'PPK AUTH calculated as responder'
../../guestbin/swan-log has 'responder established IKE SA; authenticated peer using authby=secret'
