# Console lines of the RFC 5723 session resumption series that differ
# from run to run: random key ids, times to the next ticket refresh.
# Named by the testparams.sh of this project's tests in libreswan's form.
s/\(session resumption key id \)[0-9a-f]\{8,\}/\1KEYID/g
s/\(key id \)[0-9a-f]\{16\}/\1KEYID/g
s/\(session resumption key \)[0-9a-f]\{16\}/\1KEYID/g
s/\(asking for a fresh ticket in \)[0-9][0-9.]* seconds/\1N seconds/g
s/\(ticket kept from before the restart (expires in \)[0-9]*s)/\1Ns)/g
# --impair log-resume-kat (ikev2-resume-kat): the keys and nonces of one
# run (random), for swan-resume-kat to recompute from the pluto log
s/\(IMPAIR: resume KAT: [^:]*: \)[0-9a-f][0-9a-f]*$/\1HEX/
# SPIs, random: swan-resume-kat's summary, swan-esp-traffic's kernel SAs
s/\(SPI[ir] \)[0-9a-f]\{16\}/\1SPI/g
s/\(kernel SA \)0x[0-9a-f]\{1,8\}/\10xSPI/g
