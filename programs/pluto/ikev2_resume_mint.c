/* IKEv2 session resumption (RFC 5723): the gateway mints a ticket, for libreswan
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

#include "defs.h"
#include "state.h"
#include "connections.h"
#include "log.h"
#include "packet.h"
#include "ike_alg.h"
#include "ikev2_notification.h"	/* for emit_v2N() */
#include "ikev2_ike_session_resume.h"	/* for emit_v2N_TICKET_LT_OPAQUE() */
#include "ikev2_resume_mint.h"
#include "ikev2_resume_session.h"
#include "ikev2_resume_gateway.h"
#include "ikev2_resume_keyring.h"
#include "ikev2_resume_policy.h"
#include "ikev2_resume_status.h"
#ifdef USE_RESUME_STORE_REF
#include "ikev2_resume_store_ref.h"	/* for resume_store_reference_ticket() */
#endif

chunk_t resume_id_payload_body(const struct host_end *end)
{
	shunk_t data;
	enum ike_id_type type = id_to_payload(&end->id, &end->addr, &data);
	uint8_t header[] = { type, 0, 0, 0, };
	chunk_t body = clone_bytes_as_chunk(header, sizeof(header), "ticket ID");
	append_chunk_hunk("ticket ID", &body, data);
	return body;
}

static realtime_t realtime_min(realtime_t a, realtime_t b)
{
	return (realtime_cmp(a, <, b) ? a : b);
}

/*
 * RFC 5723 6.2: the ticket lives no longer than the IKE SA, nor past
 * the configured limit (which the key ring makes sure the key
 * outlives), nor, when the connection re-authenticates (reauth=yes),
 * past the re-authentication time, counted from the original
 * authentication so that a chain of resumptions or rekeys never
 * postpones it.  A connection that rekeys its IKE SA instead
 * (reauth=no) never re-authenticates, and its tickets, refreshed, last
 * as long as its IKE SAs do.
 */
static realtime_t ticket_expiry(const struct ike_sa *ike, realtime_t auth_time,
				deltatime_t ticket_lifetime, realtime_t now)
{
	const struct connection *c = ike->sa.st_connection;
	realtime_t sa_ends = realtime_add(ike->sa.st_inception, c->config->sa_ike_max_lifetime);
	realtime_t cap = realtime_add(now, ticket_lifetime);
	realtime_t expiry = realtime_min(sa_ends, cap);
	if (c->config->reauth) {
		realtime_t reauth = realtime_add(auth_time, c->config->sa_ike_max_lifetime);
		expiry = realtime_min(expiry, reauth);
	}
	return expiry;
}

static chunk_t mint_ticket(struct ike_sa *ike, realtime_t now, realtime_t *expiry)
{
	struct connection *c = ike->sa.st_connection;
	struct logger *logger = ike->sa.logger;
	struct resume_keyring *keyring = resume_gateway_keyring();
	if (keyring == NULL) {
		llog(RC_LOG, logger, "not issuing a session resumption ticket: no ticket keys");
		return empty_chunk;
	}
	/*
	 * A resumed IKE SA passes on how and when the peer first
	 * authenticated (RFC 5723 5: re-authentication time).
	 */
	const struct resume_session *resumed = ike->sa.st_v2_resume_session;
	realtime_t auth_time = (resumed != NULL ? resumed->auth_time : ike->sa.st_inception);
	/* and the policy that admitted it, as negotiated (#3028) */
	const struct resume_policy policy = resume_policy_of(ike);
	enum keyword_auth peer_auth = policy.peer_auth;
	*expiry = ticket_expiry(ike, auth_time,
				resume_gateway_config()->ticket_lifetime, now);
	if (realtime_cmp(*expiry, <=, now)) {
		llog(RC_LOG, logger,
		     "not issuing a session resumption ticket: the peer must re-authenticate");
		return empty_chunk;
	}

	/* the gateway is the responder: IDi is the peer's */
	chunk_t idi = resume_id_payload_body(&c->remote->host);
	chunk_t idr = resume_id_payload_body(&c->local->host);
	struct resume_ticket_state state = {
		.idi = HUNK_AS_SHUNK(idi),
		.idr = HUNK_AS_SHUNK(idr),
		.peer_auth = resume_ticket_auth_code(peer_auth),
		.auth_time = auth_time.rt.tv_sec,
		.expiry = expiry->rt.tv_sec,
		.transforms = {
#define ID(ALG) (ike->sa.st_oakley.ALG == NULL ? 0 : ike->sa.st_oakley.ALG->common.ikev2_alg_id)
			.encr = ID(ta_encrypt),
			.encr_keylen = ike->sa.st_oakley.enckeylen,
			.prf = ID(ta_prf),
			.integ = ID(ta_integ),
			.dh = ID(ta_dh),
#undef ID
		},
		/* SK_d stays in NSS: the key ring wraps it */
		.conn_name = shunk1(c->name),
		.peer_ca = policy.peer_ca,
		.local_auth = resume_ticket_auth_code(policy.local_auth),
	};
	memcpy(state.spi_i, ike->sa.st_ike_spis.initiator.bytes, sizeof(state.spi_i));
	memcpy(state.spi_r, ike->sa.st_ike_spis.responder.bytes, sizeof(state.spi_r));
	resume_ticket_id_of(ike, state.ticket_id);

	chunk_t ticket = empty_chunk;
	if (state.peer_auth == 0) {
		llog(RC_LOG, logger,
		     "not issuing a session resumption ticket: the peer's authentication method can not be resumed");
	} else if (idi.len > RESUME_TICKET_MAX_ID_SIZE || idr.len > RESUME_TICKET_MAX_ID_SIZE) {
		llog(RC_LOG, logger,
		     "not issuing a session resumption ticket: an ID is longer than %u octets",
		     (unsigned)RESUME_TICKET_MAX_ID_SIZE);
	} else {
		ticket = resume_keyring_advance_and_seal_ticket(keyring, &state,
								ike->sa.st_skey_d_nss, now, logger);
	}
	free_chunk_content(&idi);
	free_chunk_content(&idr);
	return ticket;
}

/*
 * RFC 5723 4.1: a gateway asked for a ticket answers with one, or with
 * TICKET_NACK; never neither.  False only when the message can't be
 * built.
 */
bool emit_v2N_TICKET_LT_OPAQUE(struct ike_sa *ike, struct pbs_out *pbs)
{
	realtime_t now = realnow();
	realtime_t expiry;
	chunk_t ticket = mint_ticket(ike, now, &expiry);
	if (ticket.len == 0) {
		count_v2_resume_ticket_refused_to_issue();
		return emit_v2N(v2N_TICKET_NACK, pbs);
	}
#ifdef USE_RESUME_STORE_REF
	/* by reference: the sealed ticket goes to the store, the client gets a short one */
	chunk_t reference = resume_store_reference_ticket(ike, HUNK_AS_SHUNK(ticket), expiry, now);
	if (reference.len > 0) {
		free_chunk_content(&ticket);
		ticket = reference;
	}
#endif

	struct ikev2_ticket_lifetime tl = {
		.sr_lifetime = deltasecs(realtime_diff(expiry, now)),
	};
	struct pbs_out resume_pbs;
	bool ok = (open_v2N_output_pbs(pbs, v2N_TICKET_LT_OPAQUE, &resume_pbs) &&
		   out_struct(&tl, &ikev2_ticket_lifetime_desc, &resume_pbs, NULL) &&
		   pbs_out_hunk(&resume_pbs, ticket, "resume ticket") &&
		   close_pbs_out(&resume_pbs));
	free_chunk_content(&ticket);
	if (ok) {
		count_v2_resume_ticket_issued();
		realtime_buf rtb;
		llog(RC_LOG, ike->sa.logger, "sending IKE_SESSION_RESUME ticket, expires %s",
		     str_realtime(expiry, /*utc*/false, &rtb));
	}
	return ok;
}
