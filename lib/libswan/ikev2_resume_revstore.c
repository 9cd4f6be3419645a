/* IKEv2 session resumption (RFC 5723): the revocation store's format, for libreswan
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

#include <string.h>

#include "lswalloc.h"
#include "lswnss.h"
#include "lswlog.h"
#include "hunk.h"
#include "crypt_prf.h"
#include "ike_alg_prf.h"
#include "ikev2_resume_revstore.h"
#include "ikev2_resume_keystore.h"	/* for resume_hkdf_session_key() */

#define STORE_MAGIC		"LSRV"
#define STORE_VERSION		1
#define STORE_HEADER_SIZE	24
#define STORE_RECORD_SIZE	40
#define STORE_MAC_SIZE		32
#define STORE_KEY_SIZE		32

#define FILE_MAC_INFO	"libreswan ikev2-resume revocations v1 file MAC"
#define PEER_HASH_INFO	"libreswan ikev2-resume revocations v1 peer ID"

static PK11SymKey *generate(PK11SlotInfo *slot, PK11AttrFlags flags, struct logger *logger)
{
	return PK11_TokenKeyGenWithFlags(slot, CKM_AES_KEY_GEN, NULL, STORE_KEY_SIZE, NULL,
					 CKF_DERIVE, flags, lsw_nss_get_password_context(logger));
}

/* derive-only AES-256: the one key both keys come from */
static PK11SymKey *find_or_make_base_key(PK11SlotInfo *slot, bool *persistent,
					 struct logger *logger)
{
	PK11SymKey *key = PK11_ListFixedKeysInSlot(slot, (char *)RESUME_REVSTORE_KEY_LABEL,
						   lsw_nss_get_password_context(logger));
	if (key != NULL) {
		/* one is made; should there be more, the first serves */
		for (PK11SymKey *next = PK11_GetNextSymKey(key); next != NULL; ) {
			PK11SymKey *after = PK11_GetNextSymKey(next);
			PK11_FreeSymKey(next);
			next = after;
		}
		*persistent = true;
		return key;
	}
	key = generate(slot, (PK11_ATTR_TOKEN | PK11_ATTR_PRIVATE |
			      PK11_ATTR_SENSITIVE | PK11_ATTR_UNEXTRACTABLE), logger);
	if (key != NULL && PK11_SetSymKeyNickname(key, RESUME_REVSTORE_KEY_LABEL) == SECSuccess) {
		*persistent = true;
		return key;
	}
	if (key != NULL) {
		PK11_DeleteTokenSymKey(key);
		PK11_FreeSymKey(key);
	}
	*persistent = false;
	return generate(slot, (PK11_ATTR_SESSION | PK11_ATTR_SENSITIVE |
			       PK11_ATTR_UNEXTRACTABLE), logger);
}

/* HKDF-SHA256(BASE, info=INFO) as an HMAC-SHA256 key, inside NSS */
static PK11SymKey *derive_hmac_key(PK11SymKey *base, const char *info)
{
	return resume_hkdf_session_key(base, info, CKM_SHA256_HMAC, CKA_SIGN, 0,
				       STORE_KEY_SIZE);
}

diag_t resume_revstore_find_or_make_keys(PK11SlotInfo *slot, struct resume_revstore_keys *keys,
					 struct logger *logger)
{
	zero(keys);
	PK11SymKey *base = find_or_make_base_key(slot, &keys->persistent, logger);
	if (base == NULL) {
		return diag_nss_error("creating the revocation key");
	}
	keys->mac = derive_hmac_key(base, FILE_MAC_INFO);
	keys->peer = derive_hmac_key(base, PEER_HASH_INFO);
	PK11_FreeSymKey(base);
	if (keys->mac == NULL || keys->peer == NULL) {
		free_resume_revstore_keys(keys);
		return diag_nss_error("deriving the revocation keys");
	}
	return NULL;
}

void free_resume_revstore_keys(struct resume_revstore_keys *keys)
{
	if (keys->mac != NULL) {
		PK11_FreeSymKey(keys->mac);
	}
	if (keys->peer != NULL) {
		PK11_FreeSymKey(keys->peer);
	}
	zero(keys);
}

static struct crypt_mac hmac(PK11SymKey *key, const char *what, shunk_t data,
			     struct logger *logger)
{
	struct crypt_prf *prf = crypt_prf_init_symkey(what, &ike_alg_prf_sha2_256,
						      "key", key, logger);
	crypt_prf_update_bytes(prf, what, data.ptr, data.len);
	return crypt_prf_final_mac(&prf, NULL);
}

void resume_revstore_peer_key(const struct resume_revstore_keys *keys, const char *peer,
			      uint8_t key[RESUME_TICKET_ID_SIZE], struct logger *logger)
{
	struct crypt_mac mac = hmac(keys->peer, "revoked peer", shunk1(peer), logger);
	memcpy(key, mac.ptr, RESUME_TICKET_ID_SIZE);
}

chunk_t resume_revstore_encode(const struct resume_revstore_record *records, unsigned nr,
			       realtime_t now, const struct resume_revstore_keys *keys,
			       struct logger *logger)
{
	size_t body = STORE_HEADER_SIZE + (size_t)nr * STORE_RECORD_SIZE;
	chunk_t out = alloc_chunk(body + STORE_MAC_SIZE, "revocation store");
	uint8_t *p = out.ptr;
	memcpy(p, STORE_MAGIC, 4);
	p[4] = STORE_VERSION;
	raw_hton(now.rt.tv_sec, p + 8, 8);
	raw_hton(nr, p + 16, 4);
	for (unsigned i = 0; i < nr; i++) {
		uint8_t *r = p + STORE_HEADER_SIZE + (size_t)i * STORE_RECORD_SIZE;
		r[0] = records[i].kind;
		memcpy(r + 8, records[i].key, RESUME_TICKET_ID_SIZE);
		raw_hton(records[i].made.rt.tv_sec, r + 24, 8);
		raw_hton(records[i].expiry.rt.tv_sec, r + 32, 8);
	}
	struct crypt_mac mac = hmac(keys->mac, "revocation store", shunk2(p, body), logger);
	memcpy(p + body, mac.ptr, STORE_MAC_SIZE);
	return out;
}

static const char *decode_record(const uint8_t *r, struct resume_revstore_record *record)
{
	for (unsigned i = 1; i < 8; i++) {
		if (r[i] != 0) {
			return "a record's reserved octets are not zero";
		}
	}
	switch (r[0]) {
	case RESUME_REVOKED_TICKET:
	case RESUME_REVOKED_PEER:
	case RESUME_REVOCATIONS_LOST:
		break;
	default:
		return "a record of unknown kind";
	}
	record->kind = r[0];
	memcpy(record->key, r + 8, RESUME_TICKET_ID_SIZE);
	record->made = realtime(raw_ntoh(r + 24, 8));
	record->expiry = realtime(raw_ntoh(r + 32, 8));
	return NULL;
}

const char *resume_revstore_decode(shunk_t content, const struct resume_revstore_keys *keys,
				   resume_revstore_record_fn *record, void *context,
				   struct logger *logger)
{
	if (content.len > RESUME_REVSTORE_MAX_SIZE) {
		return "larger than any store this pluto writes";
	}
	if (content.len < STORE_HEADER_SIZE + STORE_MAC_SIZE ||
	    (content.len - STORE_HEADER_SIZE - STORE_MAC_SIZE) % STORE_RECORD_SIZE != 0) {
		return "truncated or malformed (its size)";
	}
	if (!keys->persistent) {
		return "its key is not in the NSS DB";
	}
	shunk_t body = shunk2(content.ptr, content.len - STORE_MAC_SIZE);
	const uint8_t *h = body.ptr;
	struct crypt_mac mac = hmac(keys->mac, "revocation store", body, logger);
	if (NSS_SecureMemcmp(mac.ptr, h + body.len, STORE_MAC_SIZE) != 0) {
		return "integrity check failed";
	}
	if (memcmp(h, STORE_MAGIC, 4) != 0 || h[4] != STORE_VERSION ||
	    h[5] != 0 || h[6] != 0 || h[7] != 0) {
		return "not a version 1 revocation store";
	}
	uintmax_t nr = raw_ntoh(h + 16, 4);
	if (nr != (body.len - STORE_HEADER_SIZE) / STORE_RECORD_SIZE) {
		return "its record count does not match its size";
	}
	for (uintmax_t i = 0; i < nr; i++) {
		struct resume_revstore_record r;
		const char *why = decode_record(h + STORE_HEADER_SIZE + i * STORE_RECORD_SIZE, &r);
		if (why == NULL) {
			why = record(&r, context);
		}
		if (why != NULL) {
			return why;
		}
	}
	return NULL;
}
