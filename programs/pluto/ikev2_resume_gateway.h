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

/*
 * The gateway's side of session resumption as configured: the key
 * ring the tickets are sealed under, the single-use cache of tickets
 * an IKE SA was established with, and the secret a ticket's id is
 * derived from.  Minting is ikev2_resume_mint.h's, opening
 * ikev2_resume_accept.h's.
 */

#ifndef IKEV2_RESUME_GATEWAY_H
#define IKEV2_RESUME_GATEWAY_H

#include <stdint.h>

#include "deltatime.h"
#include "ikev2_resume_ticket.h"	/* for RESUME_TICKET_ID_SIZE */
#include "ikev2_resume_replay.h"	/* for RESUME_REPLAY_DEFAULT_ENTRIES */

struct ike_sa;
struct logger;
struct resume_keyring;
struct resume_replay_cache;

/* the bounds plutomain enforces: >0; ~64 bytes an entry at most */
#define MIN_RESUME_REPLAY_CACHE_ENTRIES	1
#define MAX_RESUME_REPLAY_CACHE_ENTRIES	(64 * 1000 * 1000)
#define DEFAULT_RESUME_KEY_ROTATION	(12 * secs_per_hour)
#define DEFAULT_RESUME_TICKET_LIFETIME	(24 * secs_per_hour)

/* config setup: session-resumption-* */
struct resume_gateway_config {
	deltatime_t key_rotation;	/* -key-rotation= */
	deltatime_t ticket_lifetime;	/* -ticket-lifetime= */
	char *cluster_seed;		/* -cluster-seed=FILE, or NULL */
	unsigned replay_cache_entries;	/* -replay-cache=: the cap */
};

/* the configuration in force: the defaults until it is set */
const struct resume_gateway_config *resume_gateway_config(void);
/* plutomain, reading config setup; CONFIG->cluster_seed is copied */
void set_resume_gateway_config(const struct resume_gateway_config *config);

/*
 * The key ring and the single-use cache, or NULL: before the first
 * refresh_v2_ike_session_resume(), and (the key ring) when the NSS
 * DB can't hold keys: no tickets issued or accepted.
 */
struct resume_keyring *resume_gateway_keyring(void);
struct resume_replay_cache *resume_gateway_replay_cache(void);

/*
 * Gateway: the id of the ticket issued with IKE (a keyed hash of its
 * SPIs under a secret of this process), computable again from IKE
 * alone: how ipsec down revokes it (ikev2_resume_revocation.h).
 */
void resume_ticket_id_of(const struct ike_sa *ike, uint8_t id[RESUME_TICKET_ID_SIZE]);

/* whack: rotate; purge */
void rotate_v2_resume_key(struct logger *logger);
void purge_v2_resume_keys(struct logger *logger);

/*
 * refresh_v2_ike_session_resume() and shutdown_ike_session_resume()
 * are declared in ikev2_ike_session_resume.h.
 */

#endif
