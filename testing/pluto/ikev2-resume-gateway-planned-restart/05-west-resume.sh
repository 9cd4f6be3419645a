../../guestbin/swan-resume-after-restart west-east
