../../guestbin/swan-redis start
# (no look at the store's keys here: east may already have reconnected
# and re-sent its queue; step 06 showed it queued, not sent)
