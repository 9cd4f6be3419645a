../../guestbin/swan-crash-restart west-east
