# flip one bit of a stored ticket record (the last octet of its tag)
import sys
p = sys.argv[1]
b = bytearray(open(p, 'rb').read())
b[-1] ^= 0x01
open(p, 'wb').write(b)
