/* IKEv2 session resumption (RFC 5723): the cluster key ratchet, for libreswan
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

#include <pk11pub.h>

#include "ikev2_resume_cluster.h"
#include "ikev2_resume_keyring.h"
#include "ikev2_resume_keystore.h"
#include "lswnss.h"
#include "lswlog.h"
#include "hunk.h"		/* for raw_hton(), ntoh_hunk() */

#define TAG_SIZE	(sizeof(RESUME_CLUSTER_KEY_ID_TAG) - 1)
#define EPOCH_SIZE	(RESUME_TICKET_KEY_ID_SIZE - TAG_SIZE)	/* u32 */

/* epoch e starts at e*rotation */

static uint32_t epoch_of(const struct resume_keyring *ring, realtime_t t)
{
	return t.rt.tv_sec / deltasecs(ring->policy.rotation);
}

static realtime_t epoch_start(const struct resume_keyring *ring, uint32_t epoch)
{
	return realtime((time_t)epoch * deltasecs(ring->policy.rotation));
}

/* K(EPOCH), created when its epoch starts, its id "clst" | EPOCH */
static struct resume_key cluster_key(const struct resume_keyring *ring, uint32_t epoch)
{
	struct resume_key key = { .created = epoch_start(ring, epoch), };
	memcpy(key.id, RESUME_CLUSTER_KEY_ID_TAG, TAG_SIZE);
	raw_hton(epoch, key.id + TAG_SIZE, EPOCH_SIZE);
	return key;
}

bool resume_cluster_key_epoch(const struct resume_key *key, uint32_t *epoch)
{
	shunk_t id = THING_AS_SHUNK(key->id);
	const void *tag = hunk_get(&id, TAG_SIZE);
	if (tag == NULL || !memeq(tag, RESUME_CLUSTER_KEY_ID_TAG, TAG_SIZE)) {
		return false;
	}
	*epoch = ntoh_hunk(id);
	return true;
}

bool resume_cluster_seeded(const struct resume_keyring *ring)
{
	for (unsigned i = 0; i < ring->nr_keys; i++) {
		uint32_t epoch;
		if (resume_cluster_key_epoch(&ring->keys[i], &epoch)) {
			return true;
		}
	}
	return false;
}

/* K(e+1) = HKDF-SHA256(K(e), info = ratchet label | e+1), from RING's key FROM */
static diag_t ratchet_next(struct resume_keyring *ring, unsigned from, uint32_t epoch,
			   realtime_t now, struct logger *logger)
{
	uint8_t info[sizeof(RESUME_CLUSTER_RATCHET_INFO) - 1 + EPOCH_SIZE];
	memcpy(info, RESUME_CLUSTER_RATCHET_INFO, sizeof(RESUME_CLUSTER_RATCHET_INFO) - 1);
	raw_hton(epoch + 1, info + sizeof(info) - EPOCH_SIZE, EPOCH_SIZE);
	struct resume_key key = cluster_key(ring, epoch + 1);
	key.stored = resume_hkdf_token_key(ring->keys[from].stored, THING_AS_SHUNK(info));
	if (key.stored == NULL) {
		return diag_nss_error("advancing the cluster ticket key ratchet");
	}
	return resume_keyring_add_new_key(ring, key, now, logger);
}

diag_t resume_cluster_advance_ratchet(struct resume_keyring *ring, realtime_t now,
				      struct logger *logger)
{
	uint32_t target = epoch_of(ring, now) + 1;
	for (;;) {
		/* oldest first: the last cluster key is the newest epoch */
		unsigned newest = ring->nr_keys;
		uint32_t newest_epoch = 0;
		for (unsigned i = 0; i < ring->nr_keys; i++) {
			uint32_t epoch;
			if (resume_cluster_key_epoch(&ring->keys[i], &epoch)) {
				newest = i;
				newest_epoch = epoch;
			}
		}
		if (newest == ring->nr_keys) {
			return diag("no cluster ticket key in the NSS DB; provision session-resumption-cluster-seed");
		}
		if (newest_epoch >= target) {
			return NULL;
		}
		diag_t d = ratchet_next(ring, newest, newest_epoch, now, logger);
		if (d != NULL) {
			return d;
		}
		/*
		 * A member catching up from an old seed derives many
		 * epochs that are long past use: drop each once the
		 * next one exists, quietly.
		 */
		if (resume_key_role(ring, &ring->keys[newest], now) == RESUME_KEY_EXPIRED) {
			resume_keyring_delete_key(ring, newest, "cluster ratchet moved past it",
						  DEBUG_STREAM, logger);
		}
	}
}

diag_t resume_cluster_seed_ring(struct resume_keyring *ring,
				const struct resume_cluster_seed *seed,
				realtime_t now, struct logger *logger)
{
	SECItem item = same_shunk_as_secitem(THING_AS_SHUNK(seed->bytes), siBuffer);
	PK11SymKey *seed_key = PK11_ImportSymKey(ring->slot, CKM_GENERIC_SECRET_KEY_GEN,
						 PK11_OriginUnwrap, CKA_DERIVE, &item, NULL);
	if (seed_key == NULL) {
		return diag_nss_error("importing the cluster ticket key seed");
	}
	/* K(e0) = HKDF-SHA256(seed, info = seed label), stored; the seed is not */
	struct resume_key key = cluster_key(ring, seed->epoch);
	key.stored = resume_hkdf_token_key(seed_key, shunk1(RESUME_CLUSTER_SEED_INFO));
	PK11_FreeSymKey(seed_key);
	if (key.stored == NULL) {
		return diag_nss_error("deriving the first cluster ticket key");
	}
	llog(RC_LOG, logger, "session resumption: cluster ticket keys seeded for epoch %u", seed->epoch);
	return resume_keyring_add_new_key(ring, key, now, logger);
}
