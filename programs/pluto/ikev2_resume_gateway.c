/* IKEv2 session resumption (RFC 5723): the gateway's keys and configuration
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

#include <sys/stat.h>

#include "defs.h"
#include "state.h"
#include "log.h"
#include "crypt_hash.h"
#include "ike_alg_hash.h"
#include "lswnss.h"
#include "rnd.h"
#include "ttodata.h"		/* for ttochunk() */
#include "ikev2_ike_session_resume.h"	/* for refresh_v2_ike_session_resume() */
#include "ikev2_resume_gateway.h"
#include "ikev2_resume_keyring.h"
#include "ikev2_resume_replay.h"
#include "ikev2_resume_revocation.h"
#include "ikev2_resume_wipe.h"
#ifdef USE_RESUME_STORE
#include "ikev2_resume_store.h"	/* the cluster's shared store */
#endif

static struct resume_gateway_config config = {
	.key_rotation = DELTATIME_INIT(DEFAULT_RESUME_KEY_ROTATION),
	.ticket_lifetime = DELTATIME_INIT(DEFAULT_RESUME_TICKET_LIFETIME),
	.cluster_seed = NULL,
	.replay_cache_entries = RESUME_REPLAY_DEFAULT_ENTRIES,
};

/* NULL when the NSS DB can't hold keys: no tickets issued or accepted */
static struct resume_keyring *resume_keyring;

/*
 * Tickets an IKE SA was established with, until they expire (single
 * use).  In memory only: after a restart a used ticket could be
 * presented once more within its lifetime, but resuming with it still
 * needs its SK_d (docs/operations.md).
 */
static struct resume_replay_cache *resume_replay_cache;

const struct resume_gateway_config *resume_gateway_config(void)
{
	return &config;
}

void set_resume_gateway_config(const struct resume_gateway_config *new_config)
{
	char *seed = clone_str(new_config->cluster_seed, "session-resumption-cluster-seed");
	pfreeany(config.cluster_seed);
	config = *new_config;
	config.cluster_seed = seed;
}

struct resume_keyring *resume_gateway_keyring(void)
{
	return resume_keyring;
}

struct resume_replay_cache *resume_gateway_replay_cache(void)
{
	return resume_replay_cache;
}

/*
 * A ticket's id is a keyed hash of the SPIs of the IKE SA it was issued
 * for, under a secret of this process: unique per IKE SA (one ticket
 * each), unpredictable, and computable again from the IKE SA alone, so
 * revoking the tickets of an IKE SA needs no table of issued tickets.
 * The id only ever travels inside the sealed ticket.
 */
static uint8_t ticket_id_secret[32];
static bool ticket_id_secret_set;

void resume_ticket_id_of(const struct ike_sa *ike, uint8_t id[RESUME_TICKET_ID_SIZE])
{
	struct logger *logger = ike->sa.logger;
	if (!ticket_id_secret_set) {
		get_rnd_bytes(ticket_id_secret, sizeof(ticket_id_secret));
		ticket_id_secret_set = true;
	}
	/* SHA-256(secret | SPIi | SPIr) */
	struct crypt_hash *hash = crypt_hash_init("ticket id", &ike_alg_hash_sha2_256, logger);
	crypt_hash_digest_thing(hash, "secret", ticket_id_secret);
	crypt_hash_digest_thing(hash, "SPIi", ike->sa.st_ike_spis.initiator.bytes);
	crypt_hash_digest_thing(hash, "SPIr", ike->sa.st_ike_spis.responder.bytes);
	struct crypt_mac digest = crypt_hash_final_mac(&hash);
	PASSERT(logger, digest.len >= RESUME_TICKET_ID_SIZE);
	memcpy(id, digest.ptr, RESUME_TICKET_ID_SIZE);
}

/*
 * The cluster seed file: one line "<epoch> <64 hex digits>", root only.
 * Read once to seed the ratchet in the NSS DB; after that the operator
 * deletes it (docs/operations.md).  False after logging.
 */
static bool read_cluster_seed(const char *file, struct resume_cluster_seed *seed,
			      struct logger *logger)
{
	FILE *f = fopen(file, "r");
	if (f == NULL) {
		return false;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
		llog(RC_LOG, logger,
		     "WARNING: session resumption cluster seed %s is readable by others than its owner", file);
	}
	char hex[2 * RESUME_CLUSTER_SEED_SIZE + 2];
	unsigned long epoch;
	bool ok = (fscanf(f, "%lu %65s", &epoch, hex) == 2 &&
		   strlen(hex) == 2 * RESUME_CLUSTER_SEED_SIZE &&
		   epoch <= UINT32_MAX);
	fclose(f);
	chunk_t bytes = empty_chunk;
	ok = (ok && ttochunk(shunk1(hex), 16, &bytes) == NULL &&
	      bytes.len == sizeof(seed->bytes));
	if (ok) {
		memcpy(seed->bytes, bytes.ptr, sizeof(seed->bytes));
		seed->epoch = epoch;
	}
	free_secret_chunk_content(&bytes);
	wipe_secret_thing(hex);
	if (!ok) {
		llog(RC_LOG, logger,
		     "session resumption cluster seed %s: expecting \"<epoch> <%u hex digits>\"",
		     file, 2 * RESUME_CLUSTER_SEED_SIZE);
	}
	return ok;
}

void refresh_v2_ike_session_resume(struct logger *logger)
{
	realtime_t now = realnow();
	if (resume_replay_cache == NULL) {
		resume_replay_cache = alloc_resume_replay_cache(config.replay_cache_entries);
	}
	resume_replay_sweep(resume_replay_cache, now);
	/* once, before the first packet is read; then hourly */
	load_v2_resume_revocations(now, logger);
	expire_v2_resume_revocations(now);
#ifdef USE_RESUME_STORE
	start_v2_resume_store(logger);
#endif
	if (resume_keyring != NULL) {
		resume_keyring_refresh(resume_keyring, now, logger);
		return;
	}
	PK11SlotInfo *slot = lsw_nss_get_authenticated_slot(logger);
	if (slot == NULL) {
		llog(RC_LOG, logger,
		     "session resumption disabled: the NSS DB is not usable; tickets are neither issued nor accepted");
		return;
	}
	const struct resume_keyring_policy policy = {
		.rotation = config.key_rotation,
		.ticket_lifetime = config.ticket_lifetime,
		.cluster = (config.cluster_seed != NULL),
	};
	struct resume_cluster_seed seed;
	bool have_seed = (policy.cluster &&
			  read_cluster_seed(config.cluster_seed, &seed, logger));
	diag_t d = resume_keyring_open(&resume_keyring, slot, &policy,
				       (have_seed ? &seed : NULL), now, logger);
	wipe_secret_thing(seed);
	PK11_FreeSlot(slot);
	if (d != NULL) {
		llog(RC_LOG, logger,
		     "session resumption disabled: %s; tickets are neither issued nor accepted",
		     str_diag(d));
		pfree_diag(&d);
	}
}

void shutdown_ike_session_resume(struct logger *logger UNUSED)
{
	/* the keys stay in the NSS DB: that is the point */
	resume_keyring_close(&resume_keyring);
	free_resume_replay_cache(&resume_replay_cache);
	free_v2_resume_revocations();
#ifdef USE_RESUME_STORE
	stop_v2_resume_store();
#endif
	pfreeany(config.cluster_seed);
}

void rotate_v2_resume_key(struct logger *logger)
{
	if (resume_keyring == NULL) {
		llog(RC_LOG, logger, "session resumption: no ticket keys to rotate");
		return;
	}
	diag_t d = resume_keyring_rotate(resume_keyring, realnow(), logger);
	if (d != NULL) {
		llog(RC_LOG, logger, "session resumption: rotating the ticket key failed: %s",
		     str_diag(d));
		pfree_diag(&d);
	}
}

void purge_v2_resume_keys(struct logger *logger)
{
	if (resume_keyring == NULL) {
		llog(RC_LOG, logger, "session resumption: no ticket keys to purge");
		return;
	}
	resume_keyring_purge(resume_keyring, logger);
	llog(RC_LOG, logger, "session resumption: every outstanding ticket is revoked");
}
