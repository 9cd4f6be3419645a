swan-log has 'PPK AUTH calculated as responder'
swan-log has 'responder established IKE SA; authenticated peer using authby=secret'
