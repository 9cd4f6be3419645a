swan-resume-kat --min 2 --idi @west --idr @east "$SWAN_HOSTDIR/pluto.log"
