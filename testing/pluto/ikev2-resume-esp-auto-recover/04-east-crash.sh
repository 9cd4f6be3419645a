swan-crash-restart west-east
