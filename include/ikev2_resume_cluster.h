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

/*
 * Gateways that open each other's tickets share a ratchet of ring keys
 * instead of random ones (ikev2_resume_keyring.h, "Cluster mode"):
 *
 *     K(e0)   = HKDF-SHA256(seed, info=RESUME_CLUSTER_SEED_INFO)
 *     K(e+1)  = HKDF-SHA256(K(e), info=RESUME_CLUSTER_RATCHET_INFO | e+1)
 *
 * K(e) is the ring key with id RESUME_CLUSTER_KEY_ID_TAG | e (u32,
 * network byte order), created e*rotation.
 */

#ifndef IKEV2_RESUME_CLUSTER_H
#define IKEV2_RESUME_CLUSTER_H

#include <stdint.h>
#include <stdbool.h>

#include "diag.h"
#include "realtime.h"

struct logger;
struct resume_key;
struct resume_keyring;

#define RESUME_CLUSTER_SEED_INFO	"libreswan ikev2-resume cluster seed"
#define RESUME_CLUSTER_RATCHET_INFO	"libreswan ikev2-resume cluster ratchet"
#define RESUME_CLUSTER_KEY_ID_TAG	"clst"	/* + u32 epoch */
#define RESUME_CLUSTER_SEED_SIZE	32

/* what an operator provisions on every member of a cluster, once */
struct resume_cluster_seed {
	uint32_t epoch;
	uint8_t bytes[RESUME_CLUSTER_SEED_SIZE];
};

/* KEY's epoch, when it is a cluster key */
bool resume_cluster_key_epoch(const struct resume_key *key, uint32_t *epoch);

/* does RING hold a cluster key already? */
bool resume_cluster_seeded(const struct resume_keyring *ring);

/*
 * Derive K(SEED->epoch) from SEED into RING and the token (the seed
 * itself is not stored; the caller wipes it).
 */
diag_t resume_cluster_seed_ring(struct resume_keyring *ring,
				const struct resume_cluster_seed *seed,
				realtime_t now, struct logger *logger);

/*
 * Advance the ratchet: derive keys up to the epoch after NOW's (so a
 * member whose clock runs ahead is understood), deleting those past
 * use on the way.  Cheap when already there.
 */
diag_t resume_cluster_advance_ratchet(struct resume_keyring *ring, realtime_t now,
				      struct logger *logger);

#endif
