../../guestbin/swan-prep --nokeys
# the same seed; north starts only when it takes over east's address
../../guestbin/swan-cluster-seed
