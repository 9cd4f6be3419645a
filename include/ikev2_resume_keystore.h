/* IKEv2 session resumption (RFC 5723): ticket keys in the NSS DB, for libreswan
 *
 * This program is free software; you can redistribute it and/or modify it
 * under the terms of the GNU General Public License as published by the
 * Free Software Foundation; either version 2 of the License, or (at your
 * option) any later version.  See <https://www.gnu.org/licenses/gpl2.txt>.
 *
 * This program is distributed in the hope that it will be useful, but
 * WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY
 * or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU General Public License
 * for more details.
 */

/*
 * One ring key's life in the NSS token, whatever the ring does with it
 * (ikev2_resume_keyring.h describes the labels and derivations):
 * generate it, label it, find it again after a restart, derive its
 * session keys, delete it.  Every HKDF of session resumption is the one
 * here.
 */

#ifndef IKEV2_RESUME_KEYSTORE_H
#define IKEV2_RESUME_KEYSTORE_H

#include <pk11pub.h>

#include "diag.h"
#include "shunk.h"
#include "realtime.h"

struct logger;
struct resume_key;

/*
 * HKDF-SHA256(BASE, salt = zeros, info = INFO), SIZE octets, inside
 * NSS, as a session key for TARGET's OPERATION (and FLAGS): how every
 * key of session resumption is derived from a stored one.
 */
PK11SymKey *resume_hkdf_session_key(PK11SymKey *base, const char *info,
				    CK_MECHANISM_TYPE target, CK_ATTRIBUTE_TYPE operation,
				    CK_FLAGS flags, size_t size);

/*
 * HKDF-SHA256(BASE, salt = zeros, info = INFO), RESUME_KEY_SIZE
 * octets, as a new persistent (token), sensitive, non-extractable,
 * derive-only key: a cluster ratchet step.  NULL on failure.
 */
PK11SymKey *resume_hkdf_token_key(PK11SymKey *base, shunk_t info);

/* a new random key id and AES-256 token key in SLOT, created NOW */
diag_t resume_key_generate(PK11SlotInfo *slot, struct resume_key *key,
			   realtime_t now, struct logger *logger);

/*
 * Label KEY->stored "<LABEL_PREFIX><created>:<hex id>" in the token and
 * derive its session keys.  On failure KEY->stored is deleted from the
 * token and released.
 */
diag_t resume_key_label_and_derive(struct resume_key *key, const char *label_prefix);

/*
 * Every key of SLOT labelled LABEL_PREFIX..., its session keys derived,
 * passed to FOUND, which owns it from then on; the others are left
 * alone.
 */
typedef void resume_key_found_fn(struct resume_key key, void *context,
				 struct logger *logger);
void resume_keystore_load(PK11SlotInfo *slot, const char *label_prefix,
			  resume_key_found_fn *found, void *context,
			  struct logger *logger);

/*
 * The key that wraps SK_d, in SK_D's slot: the first time SK_d comes
 * from another slot than KEY's, the wrapping key is copied there and
 * the copy kept in KEY (->ike_wrapkey).
 */
PK11SymKey *resume_key_copy_wrapkey_to_slot_of(struct resume_key *key, PK11SymKey *sk_d);

/* release KEY's NSS references; delete_from_token also removes it from the DB */
void resume_key_release(struct resume_key *key);
void resume_key_delete_from_token(struct resume_key *key, struct logger *logger);

#endif
