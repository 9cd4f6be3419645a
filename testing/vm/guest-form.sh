# VM tier, inside the guest: testing/upstream/form.py on tests in
# libreswan's form that need ESP (testing/upstream/convert.py records
# their consoles here); each test's OUTPUT/ goes to $VM_OUT/NAME/.
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
exec /usr/bin/python3 "$top/testing/upstream/form.py" --collect "$VM_OUT" "$@"
