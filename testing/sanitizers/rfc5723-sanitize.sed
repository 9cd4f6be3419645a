# Console lines of the RFC 5723 session resumption series that differ
# from run to run: random key ids, times to the next ticket refresh.
# Named by the testparams.sh of this project's tests in libreswan's form.
s/\(session resumption key id \)[0-9a-f]\{8,\}/\1KEYID/g
s/\(key id \)[0-9a-f]\{16\}/\1KEYID/g
s/\(asking for a fresh ticket in \)[0-9][0-9.]* seconds/\1N seconds/g
