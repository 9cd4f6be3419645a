../../guestbin/swan-prep --nokeys
../../guestbin/swan-client-with-ticket west-east
