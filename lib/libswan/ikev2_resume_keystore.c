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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>

#include <pk11pub.h>
#include <pkcs11n.h>	/* for CKM_NSS_HKDF_SHA256 */

#include "ikev2_resume_keystore.h"
#include "ikev2_resume_keyring.h"	/* for struct resume_key */
#include "lswalloc.h"
#include "lswnss.h"
#include "lswlog.h"
#include "ttodata.h"

#define KEY_ID_HEX_SIZE		(2 * RESUME_TICKET_KEY_ID_SIZE)

/* HKDF-SHA256 with a zero salt and INFO: the parameter block, once */
static CK_NSS_HKDFParams hkdf_params(shunk_t info)
{
	return (CK_NSS_HKDFParams) {
		.bExtract = CK_TRUE,	/* zero salt */
		.bExpand = CK_TRUE,
		.pInfo = DISCARD_CONST(uint8_t *, info.ptr),
		.ulInfoLen = info.len,
	};
}

PK11SymKey *resume_hkdf_session_key(PK11SymKey *base, const char *info,
				    CK_MECHANISM_TYPE target, CK_ATTRIBUTE_TYPE operation,
				    CK_FLAGS flags, size_t size)
{
	CK_NSS_HKDFParams hkdf = hkdf_params(shunk1(info));
	SECItem param = same_chunk_as_secitem(THING_AS_CHUNK(hkdf), siBuffer);
	return PK11_DeriveWithFlags(base, CKM_NSS_HKDF_SHA256, &param,
				    target, operation, size, flags);
}

PK11SymKey *resume_hkdf_token_key(PK11SymKey *base, shunk_t info)
{
	CK_NSS_HKDFParams hkdf = hkdf_params(info);
	SECItem param = same_chunk_as_secitem(THING_AS_CHUNK(hkdf), siBuffer);
	CK_BBOOL yes = CK_TRUE, no = CK_FALSE;
	CK_ATTRIBUTE attrs[] = {
		{ CKA_TOKEN, &yes, sizeof(yes), },
		{ CKA_PRIVATE, &yes, sizeof(yes), },
		{ CKA_SENSITIVE, &yes, sizeof(yes), },
		{ CKA_EXTRACTABLE, &no, sizeof(no), },
		{ CKA_DERIVE, &yes, sizeof(yes), },
	};
	return PK11_DeriveWithTemplate(base, CKM_NSS_HKDF_SHA256, &param,
				       CKM_NSS_HKDF_SHA256, CKA_DERIVE, RESUME_KEY_SIZE,
				       attrs, elemsof(attrs), PR_TRUE);
}

static PK11SymKey *derive_session_key(const struct resume_key *key, const char *info,
				      CK_MECHANISM_TYPE target, CK_ATTRIBUTE_TYPE operation,
				      CK_FLAGS flags)
{
	return resume_hkdf_session_key(key->stored, info, target, operation, flags,
				       RESUME_KEY_SIZE);
}

/* the sealing key and the SK_d wrapping key */
static diag_t derive_sealing_key(struct resume_key *key)
{
	key->symkey = derive_session_key(key, RESUME_KEY_HKDF_INFO,
					 CKM_AES_GCM, CKA_ENCRYPT, CKF_DECRYPT);
	if (key->symkey == NULL) {
		return diag_nss_error("deriving the ticket sealing key");
	}
	key->wrapkey = derive_session_key(key, RESUME_KEY_WRAP_INFO,
					  CKM_AES_KEY_WRAP_KWP, CKA_WRAP, CKF_UNWRAP);
	if (key->wrapkey == NULL) {
		PK11_FreeSymKey(key->symkey);
		key->symkey = NULL;
		return diag_nss_error("deriving the SK_d wrapping key");
	}
	return NULL;
}

diag_t resume_key_generate(PK11SlotInfo *slot, struct resume_key *key,
			   realtime_t now, struct logger *logger)
{
	zero(key);
	key->created = now;
	if (PK11_GenerateRandom(key->id, sizeof(key->id)) != SECSuccess) {
		return diag_nss_error("generating a session resumption key id");
	}
	SECItem ckaid = same_chunk_as_secitem(THING_AS_CHUNK(key->id), siBuffer);
	key->stored = PK11_TokenKeyGenWithFlags(slot, CKM_AES_KEY_GEN, NULL,
						RESUME_KEY_SIZE, &ckaid,
						CKF_DERIVE,
						(PK11_ATTR_TOKEN | PK11_ATTR_PRIVATE |
						 PK11_ATTR_SENSITIVE | PK11_ATTR_UNEXTRACTABLE),
						lsw_nss_get_password_context(logger));
	if (key->stored == NULL) {
		return diag_nss_error("creating a session resumption key in the NSS DB");
	}
	return NULL;
}

/* "<prefix><created>:<hex id>" -> key; false if not ours */
static bool parse_label(const char *prefix, const char *label, struct resume_key *key)
{
	size_t prefix_len = strlen(prefix);
	if (label == NULL || strncmp(label, prefix, prefix_len) != 0) {
		return false;
	}
	const char *p = label + prefix_len;
	char *end;
	unsigned long long created = strtoull(p, &end, 10);
	if (end == p || *end != ':') {
		return false;
	}
	shunk_t hex = shunk1(end + 1);
	if (hex.len != KEY_ID_HEX_SIZE) {
		return false;
	}
	chunk_t id = empty_chunk;
	err_t e = ttochunk(hex, 16, &id);
	bool ok = (e == NULL && id.len == sizeof(key->id));
	if (ok) {
		memcpy(key->id, id.ptr, sizeof(key->id));
		key->created = realtime(created);
	}
	free_chunk_content(&id);
	return ok;
}

diag_t resume_key_label_and_derive(struct resume_key *key, const char *label_prefix)
{
	char label[RESUME_KEY_LABEL_PREFIX_MAX + 24 + KEY_ID_HEX_SIZE];
	struct jambuf buf = ARRAY_AS_JAMBUF(label);
	jam(&buf, "%s%jd:", label_prefix, (intmax_t)key->created.rt.tv_sec);
	jam_hex_bytes(&buf, key->id, sizeof(key->id));
	diag_t d = NULL;
	if (PK11_SetSymKeyNickname(key->stored, label) != SECSuccess) {
		d = diag_nss_error("labelling a session resumption key in the NSS DB");
	} else {
		d = derive_sealing_key(key);
	}
	if (d != NULL) {
		PK11_DeleteTokenSymKey(key->stored);
		PK11_FreeSymKey(key->stored);
		key->stored = NULL;
	}
	return d;
}

void resume_keystore_load(PK11SlotInfo *slot, const char *label_prefix,
			  resume_key_found_fn *found, void *context,
			  struct logger *logger)
{
	PK11SymKey *next;
	for (PK11SymKey *symkey = PK11_ListFixedKeysInSlot(slot, NULL,
							     lsw_nss_get_password_context(logger));
	     symkey != NULL; symkey = next) {
		next = PK11_GetNextSymKey(symkey);
		char *label = PK11_GetSymKeyNickname(symkey);
		struct resume_key key = { .stored = symkey, };
		bool ours = parse_label(label_prefix, label, &key);
		PORT_Free(label);
		if (!ours) {
			PK11_FreeSymKey(symkey);
			continue;
		}
		diag_t d = derive_sealing_key(&key);
		if (d != NULL) {
			llog(RC_LOG, logger, "session resumption: ignoring a ticket key: %s", str_diag(d));
			pfree_diag(&d);
			PK11_FreeSymKey(symkey);
			continue;
		}
		found(key, context, logger);
	}
}

/*
 * Wrapping a key of one NSS slot under a key of another makes NSS move
 * one of them for every ticket, by way of a freshly generated RSA key
 * pair: milliseconds each.  The wrapping key is derived in the
 * database's slot; IKE's keys (SK_d of a full handshake) live in
 * another.  So the wrapping key is copied to SK_d's slot once, the
 * first time they meet, and both copies are kept: SK_d of an IKE SA
 * resumed before that (its SK_d came out of the database's slot) still
 * finds one in its own slot, and nothing moves back and forth.  Should
 * NSS refuse the copy, the derived key serves: slower, still correct.
 */
static bool key_in_slot(PK11SymKey *key, PK11SlotInfo *slot)
{
	PK11SlotInfo *key_slot = PK11_GetSlotFromKey(key);
	bool same = (key_slot == slot);
	PK11_FreeSlot(key_slot);
	return same;
}

PK11SymKey *resume_key_copy_wrapkey_to_slot_of(struct resume_key *key, PK11SymKey *sk_d)
{
	PK11SlotInfo *slot = PK11_GetSlotFromKey(sk_d);
	PK11SymKey *wrapkey = key->wrapkey;
	if (!key_in_slot(key->wrapkey, slot)) {
		if (key->ike_wrapkey == NULL) {
			key->ike_wrapkey = PK11_MoveSymKey(slot, CKA_WRAP, CKF_UNWRAP,
							   PR_FALSE, key->wrapkey);
		}
		if (key->ike_wrapkey != NULL && key_in_slot(key->ike_wrapkey, slot)) {
			wrapkey = key->ike_wrapkey;
		}
	}
	PK11_FreeSlot(slot);
	return wrapkey;
}

void resume_key_release(struct resume_key *key)
{
	PK11_FreeSymKey(key->stored);
	PK11_FreeSymKey(key->symkey);
	PK11_FreeSymKey(key->wrapkey);
	if (key->ike_wrapkey != NULL) {
		PK11_FreeSymKey(key->ike_wrapkey);
	}
	zero(key);
}

void resume_key_delete_from_token(struct resume_key *key, struct logger *logger)
{
	if (PK11_DeleteTokenSymKey(key->stored) != SECSuccess) {
		llog_nss_error(RC_LOG, logger, "deleting session resumption key from the NSS DB failed");
	}
	resume_key_release(key);
}
