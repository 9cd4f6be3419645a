../../guestbin/swan-resume-kat --min 2 --idi @west --idr @east "/tmp/pluto.log"
