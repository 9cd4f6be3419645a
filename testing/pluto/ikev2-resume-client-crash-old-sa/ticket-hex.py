# the ticket in a client's stored record, in hex
import struct, sys
b = open(sys.argv[1], 'rb').read()
(n,) = struct.unpack('!I', b[8:12])   # magic, version, length, ticket
print(b[12:12 + n].hex())
