/* IKEv2 session resumption (RFC 5723) ticket key ring, for libreswan
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

#include "ikev2_resume_keyring.h"
#include "lswalloc.h"
#include "lswnss.h"
#include "lswlog.h"
#include "jambuf.h"
#include "passert.h"

#define KEY_ID_HEX_SIZE		(2 * RESUME_TICKET_KEY_ID_SIZE)
/* the shortest rotation that still makes sense, and the longest lifetime */
#define MIN_ROTATION_SECONDS	1
#define MAX_TICKET_LIFETIME_SECONDS	(366 * 24 * 60 * 60)

diag_t resume_keyring_policy_check(const struct resume_keyring_policy *p)
{
	if (deltasecs(p->rotation) < MIN_ROTATION_SECONDS) {
		return diag("session-resumption-key-rotation must be at least %ds",
			    MIN_ROTATION_SECONDS);
	}
	if (deltasecs(p->ticket_lifetime) < 1 ||
	    deltasecs(p->ticket_lifetime) > MAX_TICKET_LIFETIME_SECONDS) {
		return diag("session-resumption-ticket-lifetime must be between 1s and %ds",
			    MAX_TICKET_LIFETIME_SECONDS);
	}
	if (p->label_prefix != NULL && strlen(p->label_prefix) > RESUME_KEY_LABEL_PREFIX_MAX) {
		return diag("key label prefix longer than %d characters", RESUME_KEY_LABEL_PREFIX_MAX);
	}
	/* one sealing key plus the keys still opening tickets */
	intmax_t keys = (deltasecs(p->ticket_lifetime) + deltasecs(p->rotation) - 1) /
		deltasecs(p->rotation) + 1;
	if (keys > RESUME_KEYRING_MAX_KEYS) {
		return diag("session-resumption-ticket-lifetime/session-resumption-key-rotation needs %jd keys, more than %d",
			    keys, RESUME_KEYRING_MAX_KEYS);
	}
	return NULL;
}

realtime_t resume_key_expires(const struct resume_keyring *ring,
			      const struct resume_key *key)
{
	return realtime_add(realtime_add(key->created, ring->policy.rotation),
			    ring->policy.ticket_lifetime);
}

/* cluster keys: id "clst" | epoch; epoch e starts at e*rotation */

static uint32_t epoch_of(const struct resume_keyring *ring, realtime_t t)
{
	return t.rt.tv_sec / deltasecs(ring->policy.rotation);
}

static realtime_t epoch_start(const struct resume_keyring *ring, uint32_t epoch)
{
	return realtime((time_t)epoch * deltasecs(ring->policy.rotation));
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v;
}

static void cluster_key_id(uint32_t epoch, uint8_t id[RESUME_TICKET_KEY_ID_SIZE])
{
	memcpy(id, RESUME_CLUSTER_KEY_ID_TAG, 4);
	put_be32(id + 4, epoch);
}

static bool cluster_key_epoch(const struct resume_key *key, uint32_t *epoch)
{
	if (!memeq(key->id, RESUME_CLUSTER_KEY_ID_TAG, 4)) {
		return false;
	}
	const uint8_t *p = key->id + 4;
	*epoch = ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
	return true;
}

/*
 * The newest key inside its rotation interval seals; after a rotation
 * that is the new key and the older ones only open.  A key from the
 * future (a cluster's next epoch) only opens; in a cluster only
 * cluster keys seal.
 */
static const struct resume_key *current_sealing_key(const struct resume_keyring *ring,
						    realtime_t now)
{
	for (unsigned i = ring->nr_keys; i > 0; i--) {
		const struct resume_key *key = &ring->keys[i - 1];
		uint32_t epoch;
		if (ring->policy.cluster && !cluster_key_epoch(key, &epoch)) {
			continue;
		}
		if (realtime_cmp(key->created, <=, now) &&
		    realtime_cmp(now, <, realtime_add(key->created, ring->policy.rotation))) {
			return key;
		}
	}
	return NULL;
}

enum resume_key_role resume_key_role(const struct resume_keyring *ring,
				     const struct resume_key *key, realtime_t now)
{
	if (realtime_cmp(now, >=, resume_key_expires(ring, key))) {
		return RESUME_KEY_EXPIRED;
	}
	return (key == current_sealing_key(ring, now) ? RESUME_KEY_SEALS : RESUME_KEY_OPENS);
}

static void jam_key_id(struct jambuf *buf, const struct resume_key *key)
{
	jam_hex_bytes(buf, key->id, sizeof(key->id));
}

void jam_resume_key(struct jambuf *buf, const struct resume_keyring *ring,
		    const struct resume_key *key, realtime_t now)
{
	static const char *const roles[] = {
		[RESUME_KEY_SEALS] = "seals+opens",
		[RESUME_KEY_OPENS] = "opens",
		[RESUME_KEY_EXPIRED] = "expired",
	};
	jam_string(buf, "id ");
	jam_key_id(buf, key);
	jam_string(buf, "; created ");
	jam_realtime(buf, key->created, /*utc*/true);
	jam_string(buf, "; role ");
	jam_string(buf, roles[resume_key_role(ring, key, now)]);
	jam_string(buf, "; expires ");
	jam_realtime(buf, resume_key_expires(ring, key), /*utc*/true);
}

static const char *label_prefix(const struct resume_keyring *ring)
{
	return (ring->policy.label_prefix != NULL ? ring->policy.label_prefix :
		RESUME_KEY_LABEL_PREFIX);
}

/* "<prefix><created>:<hex id>" -> key; false if not ours */
static bool parse_label(const struct resume_keyring *ring, const char *label,
			struct resume_key *key)
{
	size_t prefix = strlen(label_prefix(ring));
	if (label == NULL || strncmp(label, label_prefix(ring), prefix) != 0) {
		return false;
	}
	const char *p = label + prefix;
	char *end;
	unsigned long long created = strtoull(p, &end, 10);
	if (end == p || *end != ':') {
		return false;
	}
	p = end + 1;
	if (strlen(p) != KEY_ID_HEX_SIZE) {
		return false;
	}
	for (unsigned i = 0; i < RESUME_TICKET_KEY_ID_SIZE; i++) {
		unsigned byte;
		char hex[3] = { p[2 * i], p[2 * i + 1], '\0', };
		if (sscanf(hex, "%2x", &byte) != 1) {
			return false;
		}
		key->id[i] = byte;
	}
	key->created = realtime(created);
	return true;
}

static void free_wrapkeys(struct resume_key *key)
{
	PK11_FreeSymKey(key->wrapkey);
	if (key->ike_wrapkey != NULL) {
		PK11_FreeSymKey(key->ike_wrapkey);
	}
}

static void delete_key(struct resume_keyring *ring, unsigned i, const char *why,
		       lset_t stream, struct logger *logger)
{
	passert(i < ring->nr_keys);
	struct resume_key *key = &ring->keys[i];
	LLOG_JAMBUF(stream, logger, buf) {
		jam_string(buf, "deleting session resumption key ");
		jam_key_id(buf, key);
		jam(buf, " (%s)", why);
	}
	if (PK11_DeleteTokenSymKey(key->stored) != SECSuccess) {
		llog_nss_error(RC_LOG, logger, "deleting session resumption key from the NSS DB failed");
	}
	PK11_FreeSymKey(key->stored);
	PK11_FreeSymKey(key->symkey);
	free_wrapkeys(key);
	memmove(&ring->keys[i], &ring->keys[i + 1],
		(ring->nr_keys - i - 1) * sizeof(ring->keys[0]));
	ring->nr_keys--;
}

static const struct resume_key *insert_key(struct resume_keyring *ring, struct resume_key key)
{
	passert(ring->nr_keys < RESUME_KEYRING_MAX_KEYS);
	unsigned i = ring->nr_keys;
	/* keep oldest first */
	while (i > 0 && realtime_cmp(ring->keys[i - 1].created, >, key.created)) {
		ring->keys[i] = ring->keys[i - 1];
		i--;
	}
	ring->keys[i] = key;
	ring->nr_keys++;
	return &ring->keys[i];
}

PK11SymKey *resume_hkdf_session_key(PK11SymKey *base, const char *info,
				    CK_MECHANISM_TYPE target, CK_ATTRIBUTE_TYPE operation,
				    CK_FLAGS flags, size_t size)
{
	CK_NSS_HKDFParams hkdf = {
		.bExtract = CK_TRUE,	/* zero salt */
		.bExpand = CK_TRUE,
		.pInfo = (CK_BYTE_PTR)info,
		.ulInfoLen = strlen(info),
	};
	SECItem param = {
		.type = siBuffer,
		.data = (void *)&hkdf,
		.len = sizeof(hkdf),
	};
	return PK11_DeriveWithFlags(base, CKM_NSS_HKDF_SHA256, &param,
				    target, operation, size, flags);
}

static PK11SymKey *derive_session_key(const struct resume_key *key, const char *info,
				      CK_MECHANISM_TYPE target, CK_ATTRIBUTE_TYPE operation,
				      CK_FLAGS flags)
{
	return resume_hkdf_session_key(key->stored, info, target, operation, flags,
				       RESUME_KEY_SIZE);
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

static PK11SymKey *wrapkey_for(struct resume_key *key, PK11SymKey *sk_d)
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

/* label KEY.stored in the token, derive its sealing key, add it */
static diag_t label_and_insert(struct resume_keyring *ring, struct resume_key key,
			       realtime_t now, struct logger *logger)
{
	char label[RESUME_KEY_LABEL_PREFIX_MAX + 24 + KEY_ID_HEX_SIZE];
	int n = snprintf(label, sizeof(label), "%s%jd:", label_prefix(ring),
			 (intmax_t)key.created.rt.tv_sec);
	for (unsigned i = 0; i < sizeof(key.id); i++) {
		n += snprintf(label + n, sizeof(label) - n, "%02x", key.id[i]);
	}
	diag_t d = NULL;
	if (PK11_SetSymKeyNickname(key.stored, label) != SECSuccess) {
		d = diag_nss_error("labelling a session resumption key in the NSS DB");
	} else {
		d = derive_sealing_key(&key);
	}
	if (d != NULL) {
		PK11_DeleteTokenSymKey(key.stored);
		PK11_FreeSymKey(key.stored);
		return d;
	}
	if (ring->nr_keys == RESUME_KEYRING_MAX_KEYS) {
		/* the policy check makes this unreachable but for a cluster catching up */
		delete_key(ring, 0, "key ring full", RC_LOG, logger);
	}
	const struct resume_key *added = insert_key(ring, key);
	lset_t stream = (resume_key_role(ring, added, now) == RESUME_KEY_EXPIRED ? DEBUG_STREAM : RC_LOG);
	LLOG_JAMBUF(stream, logger, buf) {
		jam_string(buf, "created session resumption key ");
		jam_resume_key(buf, ring, added, now);
	}
	return NULL;
}

/* HKDF-SHA256(BASE, info=INFO), as a persistent, derive-only token key */
static PK11SymKey *derive_stored_key(PK11SymKey *base, const uint8_t *info, size_t info_len)
{
	CK_NSS_HKDFParams hkdf = {
		.bExtract = CK_TRUE,
		.bExpand = CK_TRUE,
		.pInfo = (CK_BYTE_PTR)info,
		.ulInfoLen = info_len,
	};
	SECItem param = {
		.type = siBuffer,
		.data = (void *)&hkdf,
		.len = sizeof(hkdf),
	};
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

/* K(e+1) = HKDF-SHA256(K(e), info = ratchet label | e+1) */
static diag_t ratchet_next(struct resume_keyring *ring, unsigned from,
			   realtime_t now, struct logger *logger)
{
	uint32_t epoch;
	passert(cluster_key_epoch(&ring->keys[from], &epoch));
	uint8_t info[sizeof(RESUME_CLUSTER_RATCHET_INFO) - 1 + 4];
	memcpy(info, RESUME_CLUSTER_RATCHET_INFO, sizeof(RESUME_CLUSTER_RATCHET_INFO) - 1);
	put_be32(info + sizeof(info) - 4, epoch + 1);
	struct resume_key key = { .created = epoch_start(ring, epoch + 1), };
	cluster_key_id(epoch + 1, key.id);
	key.stored = derive_stored_key(ring->keys[from].stored, info, sizeof(info));
	if (key.stored == NULL) {
		return diag_nss_error("advancing the cluster ticket key ratchet");
	}
	return label_and_insert(ring, key, now, logger);
}

/* derive up to the next epoch's key, so a member whose clock runs ahead is understood */
static diag_t ratchet_forward(struct resume_keyring *ring, realtime_t now,
			      struct logger *logger)
{
	uint32_t target = epoch_of(ring, now) + 1;
	for (;;) {
		/* oldest first: the last cluster key is the newest epoch */
		unsigned newest = ring->nr_keys;
		uint32_t epoch = 0;
		for (unsigned i = 0; i < ring->nr_keys; i++) {
			if (cluster_key_epoch(&ring->keys[i], &epoch)) {
				newest = i;
			}
		}
		if (newest == ring->nr_keys) {
			return diag("no cluster ticket key in the NSS DB; provision session-resumption-cluster-seed");
		}
		passert(cluster_key_epoch(&ring->keys[newest], &epoch));
		if (epoch >= target) {
			return NULL;
		}
		diag_t d = ratchet_next(ring, newest, now, logger);
		if (d != NULL) {
			return d;
		}
		/*
		 * A member catching up from an old seed derives many
		 * epochs that are long past use: drop each once the
		 * next one exists, quietly.
		 */
		if (resume_key_role(ring, &ring->keys[newest], now) == RESUME_KEY_EXPIRED) {
			delete_key(ring, newest, "cluster ratchet moved past it",
				   DEBUG_STREAM, logger);
		}
	}
}

/* K(e0) = HKDF-SHA256(seed, info = seed label), stored; the seed is not */
static diag_t seed_cluster(struct resume_keyring *ring, const struct resume_cluster_seed *seed,
			   realtime_t now, struct logger *logger)
{
	SECItem item = {
		.type = siBuffer,
		.data = (uint8_t *)seed->bytes,
		.len = sizeof(seed->bytes),
	};
	PK11SymKey *seed_key = PK11_ImportSymKey(ring->slot, CKM_GENERIC_SECRET_KEY_GEN,
						 PK11_OriginUnwrap, CKA_DERIVE, &item, NULL);
	if (seed_key == NULL) {
		return diag_nss_error("importing the cluster ticket key seed");
	}
	struct resume_key key = { .created = epoch_start(ring, seed->epoch), };
	cluster_key_id(seed->epoch, key.id);
	key.stored = derive_stored_key(seed_key, (const uint8_t *)RESUME_CLUSTER_SEED_INFO,
				       strlen(RESUME_CLUSTER_SEED_INFO));
	PK11_FreeSymKey(seed_key);
	if (key.stored == NULL) {
		return diag_nss_error("deriving the first cluster ticket key");
	}
	llog(RC_LOG, logger, "session resumption: cluster ticket keys seeded for epoch %u", seed->epoch);
	return label_and_insert(ring, key, now, logger);
}

static diag_t create_key(struct resume_keyring *ring, realtime_t now,
			 struct logger *logger)
{
	if (ring->policy.cluster) {
		return ratchet_forward(ring, now, logger);
	}
	struct resume_key key = { .created = now, };
	if (PK11_GenerateRandom(key.id, sizeof(key.id)) != SECSuccess) {
		return diag_nss_error("generating a session resumption key id");
	}
	SECItem ckaid = {
		.type = siBuffer,
		.data = key.id,
		.len = sizeof(key.id),
	};
	key.stored = PK11_TokenKeyGenWithFlags(ring->slot, CKM_AES_KEY_GEN, NULL,
					       RESUME_KEY_SIZE, &ckaid,
					       CKF_DERIVE,
					       (PK11_ATTR_TOKEN | PK11_ATTR_PRIVATE |
						PK11_ATTR_SENSITIVE | PK11_ATTR_UNEXTRACTABLE),
					       lsw_nss_get_password_context(logger));
	if (key.stored == NULL) {
		return diag_nss_error("creating a session resumption key in the NSS DB");
	}
	return label_and_insert(ring, key, now, logger);
}

diag_t resume_keyring_open(struct resume_keyring **ringp, PK11SlotInfo *slot,
			   const struct resume_keyring_policy *policy,
			   const struct resume_cluster_seed *seed,
			   realtime_t now, struct logger *logger)
{
	*ringp = NULL;
	diag_t d = resume_keyring_policy_check(policy);
	if (d != NULL) {
		return d;
	}
	struct resume_keyring *ring = alloc_thing(struct resume_keyring, "resume keyring");
	ring->slot = PK11_ReferenceSlot(slot);
	ring->policy = *policy;

	PK11SymKey *next;
	for (PK11SymKey *symkey = PK11_ListFixedKeysInSlot(slot, NULL,
							     lsw_nss_get_password_context(logger));
	     symkey != NULL; symkey = next) {
		next = PK11_GetNextSymKey(symkey);
		char *label = PK11_GetSymKeyNickname(symkey);
		struct resume_key key = { .stored = symkey, };
		bool ours = parse_label(ring, label, &key);
		PORT_Free(label);
		if (!ours) {
			PK11_FreeSymKey(symkey);
			continue;
		}
		diag_t dd = derive_sealing_key(&key);
		if (dd != NULL) {
			llog(RC_LOG, logger, "session resumption: ignoring a ticket key: %s", str_diag(dd));
			pfree_diag(&dd);
			PK11_FreeSymKey(symkey);
			continue;
		}
		if (ring->nr_keys == RESUME_KEYRING_MAX_KEYS) {
			delete_key(ring, 0, "more keys than the ring holds", RC_LOG, logger);
		}
		insert_key(ring, key);
	}
	if (policy->cluster && seed != NULL) {
		bool seeded = false;
		for (unsigned i = 0; i < ring->nr_keys; i++) {
			uint32_t epoch;
			seeded |= cluster_key_epoch(&ring->keys[i], &epoch);
		}
		if (seeded) {
			llog(RC_LOG, logger,
			     "session resumption: cluster ticket keys already in the NSS DB; the seed is not needed any more: delete it");
		} else if ((d = seed_cluster(ring, seed, now, logger)) != NULL) {
			resume_keyring_close(&ring);
			return d;
		}
	}
	resume_keyring_refresh(ring, now, logger);
	if (resume_keyring_sealing_key(ring, now, logger) == NULL) {
		resume_keyring_close(&ring);
		return diag("no session resumption key can be created in the NSS DB");
	}
	if (ring->policy.label_prefix == NULL) {
		llog(RC_LOG, logger, "session resumption: %u ticket key(s) in the NSS DB", ring->nr_keys);
	} else {
		llog(RC_LOG, logger, "session resumption: %u key(s) labelled %s... in the NSS DB",
		     ring->nr_keys, ring->policy.label_prefix);
	}
	*ringp = ring;
	return NULL;
}

void resume_keyring_close(struct resume_keyring **ringp)
{
	struct resume_keyring *ring = *ringp;
	if (ring == NULL) {
		return;
	}
	for (unsigned i = 0; i < ring->nr_keys; i++) {
		PK11_FreeSymKey(ring->keys[i].stored);
		PK11_FreeSymKey(ring->keys[i].symkey);
		free_wrapkeys(&ring->keys[i]);
	}
	PK11_FreeSlot(ring->slot);
	pfree(ring);
	*ringp = NULL;
}

/* in a cluster, bring the ratchet up to the next epoch; false after logging */
static bool keep_ratchet_current(struct resume_keyring *ring, realtime_t now,
				 struct logger *logger)
{
	if (!ring->policy.cluster) {
		return true;
	}
	/* cheap when already at the next epoch */
	diag_t d = ratchet_forward(ring, now, logger);
	if (d != NULL) {
		llog(RC_LOG, logger, "session resumption: %s", str_diag(d));
		pfree_diag(&d);
		return false;
	}
	return true;
}

const struct resume_key *resume_keyring_sealing_key(struct resume_keyring *ring,
						    realtime_t now,
						    struct logger *logger)
{
	if (!keep_ratchet_current(ring, now, logger)) {
		return NULL;
	}
	const struct resume_key *key = current_sealing_key(ring, now);
	if (key != NULL) {
		return key;
	}
	resume_keyring_expire(ring, now, logger);
	diag_t d = create_key(ring, now, logger);
	if (d != NULL) {
		llog(RC_LOG, logger, "session resumption: %s", str_diag(d));
		pfree_diag(&d);
		return NULL;
	}
	return &ring->keys[ring->nr_keys - 1];
}

const struct resume_key *resume_keyring_find(const struct resume_keyring *ring,
					     const uint8_t id[RESUME_TICKET_KEY_ID_SIZE],
					     realtime_t now)
{
	for (unsigned i = 0; i < ring->nr_keys; i++) {
		const struct resume_key *key = &ring->keys[i];
		if (memeq(key->id, id, sizeof(key->id))) {
			return (resume_key_role(ring, key, now) == RESUME_KEY_EXPIRED ? NULL : key);
		}
	}
	return NULL;
}

void resume_keyring_expire(struct resume_keyring *ring, realtime_t now,
			   struct logger *logger)
{
	for (unsigned i = 0; i < ring->nr_keys; ) {
		if (resume_key_role(ring, &ring->keys[i], now) == RESUME_KEY_EXPIRED) {
			delete_key(ring, i, "every ticket it sealed has expired", RC_LOG, logger);
		} else {
			i++;
		}
	}
}

void resume_keyring_refresh(struct resume_keyring *ring, realtime_t now,
			    struct logger *logger)
{
	keep_ratchet_current(ring, now, logger);
	resume_keyring_expire(ring, now, logger);
}

diag_t resume_keyring_rotate(struct resume_keyring *ring, realtime_t now,
			     struct logger *logger)
{
	if (ring->policy.cluster) {
		return diag("cluster ticket keys rotate with the clock, every session-resumption-key-rotation");
	}
	resume_keyring_expire(ring, now, logger);
	return create_key(ring, now, logger);
}

void resume_keyring_purge(struct resume_keyring *ring, struct logger *logger)
{
	while (ring->nr_keys > 0) {
		delete_key(ring, ring->nr_keys - 1, "purged: every ticket it sealed is revoked",
			   RC_LOG, logger);
	}
}

chunk_t resume_keyring_seal_ticket(struct resume_keyring *ring,
				   const struct resume_ticket_state *state,
				   PK11SymKey *sk_d,
				   realtime_t now, struct logger *logger)
{
	const struct resume_key *sealing = resume_keyring_sealing_key(ring, now, logger);
	if (sealing == NULL) {
		return empty_chunk;
	}
	struct resume_key *key = &ring->keys[sealing - ring->keys];
	uint8_t wrapped_sk_d[RESUME_TICKET_MAX_SK_D_SIZE + RESUME_TICKET_WRAP_OVERHEAD];
	SECItem wrapped = {
		.type = siBuffer,
		.data = wrapped_sk_d,
		.len = sizeof(wrapped_sk_d),
	};
	if (PK11_WrapSymKey(CKM_AES_KEY_WRAP_KWP, NULL, wrapkey_for(key, sk_d), sk_d,
			    &wrapped) != SECSuccess) {
		llog_nss_error(RC_LOG, logger, "wrapping SK_d for a session resumption ticket failed");
		return empty_chunk;
	}
	struct resume_ticket_state with_sk_d = *state;
	with_sk_d.sk_d = shunk2(wrapped.data, wrapped.len);
	chunk_t plaintext = resume_ticket_encode_state(&with_sk_d);
	chunk_t ticket = resume_ticket_seal(key->symkey, key->id,
					    HUNK_AS_SHUNK(plaintext), logger);
	free_resume_ticket_plaintext(&plaintext);
	return ticket;
}

enum resume_ticket_status resume_keyring_open_ticket(const struct resume_keyring *ring,
						     shunk_t ticket, realtime_t now,
						     chunk_t *plaintext,
						     struct resume_ticket_state *state,
						     PK11SymKey **sk_d)
{
	*plaintext = empty_chunk;
	*sk_d = NULL;
	/* cheapest checks first: no crypto for junk */
	struct resume_ticket_header header;
	enum resume_ticket_status status = resume_ticket_parse_header(ticket, &header);
	if (status != RESUME_TICKET_OK) {
		return status;
	}
	const struct resume_key *key = resume_keyring_find(ring, header.key_id, now);
	if (key == NULL) {
		return RESUME_TICKET_UNKNOWN_KEY;
	}
	status = resume_ticket_open(key->symkey, ticket, plaintext);
	if (status != RESUME_TICKET_OK) {
		return status;
	}
	status = resume_ticket_decode_state(HUNK_AS_SHUNK(*plaintext), state);
	if (status == RESUME_TICKET_OK &&
	    (uint64_t)now.rt.tv_sec >= state->expiry) {
		status = RESUME_TICKET_EXPIRED;
	}
	if (status == RESUME_TICKET_OK) {
		/* the bytes SK_d was when this key wrapped it */
		SECItem wrapped = {
			.type = siBuffer,
			.data = (uint8_t *)state->sk_d.ptr,
			.len = state->sk_d.len,
		};
		/* the type IKEv2's derivations expect of SK_d */
		/* into IKE's slot, once a full handshake has shown where */
		*sk_d = PK11_UnwrapSymKey((key->ike_wrapkey != NULL ? key->ike_wrapkey : key->wrapkey),
					  CKM_AES_KEY_WRAP_KWP, NULL,
					  &wrapped, CKM_EXTRACT_KEY_FROM_KEY, CKA_DERIVE,
					  /*from the wrapped length*/0);
		if (*sk_d == NULL) {
			status = RESUME_TICKET_BAD_SK_D;
		}
	}
	if (status != RESUME_TICKET_OK) {
		free_resume_ticket_plaintext(plaintext);
		zero(state);
	}
	return status;
}
