../../guestbin/swan-log has 'responder established IKE SA; authenticated peer using authby=secret'
