/* IKEv2 session resumption (RFC 5723): the gateway opens a presented ticket, for libreswan
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
#include "log_limiter.h"
#include "packet.h"
#include "crypt_symkey.h"
#include "enum_names.h"
#include "ikev2_proposals.h"	/* for set_ikev2_accepted_proposal() */
#include "peer_id.h"		/* for unpack_id() */
#include "ikev2_ike_session_resume.h"	/* for verify_resume_session_id() */
#include "ikev2_resume_accept.h"
#include "ikev2_resume_session.h"
#include "ikev2_resume_gateway.h"
#include "ikev2_resume_keyring.h"
#include "ikev2_resume_replay.h"
#include "ikev2_resume_revocation.h"
#include "ikev2_resume_policy.h"
#include "ikev2_resume_status.h"

static const char *const reject_reason_name[] = {
#define S(E, N) [E - RESUME_REJECT_ID_MISMATCH] = N
	S(RESUME_REJECT_ID_MISMATCH, "identity mismatch"),
	S(RESUME_REJECT_NO_KEYS, "no ticket keys"),
	S(RESUME_REJECT_REPLAYED, "replayed"),
	S(RESUME_REJECT_REPLAY_CACHE_FULL, "replay cache full"),
	S(RESUME_REJECT_REVOKED, "revoked"),
	S(RESUME_REJECT_REVOCATIONS_LOST, "revocations lost"),
	S(RESUME_REJECT_CONNECTION_GONE, "connection gone"),
	S(RESUME_REJECT_AUTH_NOT_ADMITTED, "authentication not admitted"),
	S(RESUME_REJECT_PEER_ID_NOT_ADMITTED, "peer ID not admitted"),
	S(RESUME_REJECT_CA_NOT_ADMITTED, "CA not admitted"),
#ifdef USE_RESUME_STORE
	S(RESUME_REJECT_STORE_UNAVAILABLE, "store unavailable"),
	S(RESUME_REJECT_STORE_ERROR, "store error"),
#ifdef USE_RESUME_STORE_REF
	S(RESUME_REJECT_REFERENCE_UNKNOWN, "reference unknown"),
#endif
#endif
#undef S
};

const struct enum_names resume_reject_reason_names = {
	RESUME_REJECT_ID_MISMATCH, RESUME_REJECT_REASON_ROOF - 1,
	ARRAY_REF(reject_reason_name),
	NULL, &resume_ticket_status_names,
};

enum resume_reject_reason resume_reject_reason_of(enum resume_ticket_status status)
{
	return RESUME_REJECT_NONE + status;
}

static bool reject_ticket(struct ike_sa *ike, enum resume_reject_reason why)
{
	count_v2_resume_ticket_rejected(why);
	enum_buf wb;
	limited_llog(ike->sa.logger, UNSECURED_LOG_LIMITER,
		     "rejecting IKE_SESSION_RESUME ticket: %s",
		     str_enum_long(&resume_reject_reason_names, why, &wb));
	return false;
}

static diag_t id_from_payload_body(shunk_t body, struct id *id)
{
	/* the decoder has checked that there is data after the header */
	const uint8_t *type = body.ptr;
	struct pbs_in pbs = pbs_in_from_shunk(hunk_slice(body, 4, body.len), "ticket ID");
	struct id unpacked;
	diag_t d = unpack_id(*type, &unpacked, &pbs);
	if (d != NULL) {
		return d;
	}
	/* unpacked points into the plaintext, which is about to be wiped */
	*id = clone_id(&unpacked, "resume ID");
	return NULL;
}

bool open_v2_resume_ticket(struct ike_sa *ike, shunk_t ticket)
{
	struct resume_keyring *keyring = resume_gateway_keyring();
	struct resume_replay_cache *replay_cache = resume_gateway_replay_cache();
	if (keyring == NULL || !PEXPECT(ike->sa.logger, replay_cache != NULL)) {
		return reject_ticket(ike, RESUME_REJECT_NO_KEYS);
	}
	realtime_t now = realnow();
	chunk_t plaintext;
	struct resume_ticket_state state;
	PK11SymKey *sk_d_old;
	enum resume_ticket_status opened =
		resume_keyring_open_ticket(keyring, ticket, now, &plaintext, &state,
					   &sk_d_old, ike->sa.logger);
	if (opened != RESUME_TICKET_OK) {
		return reject_ticket(ike, resume_reject_reason_of(opened));
	}

	struct resume_session session = {
		.auth_time = realtime(state.auth_time),
		.from_ticket = true,
		.ticket_expiry = realtime(state.expiry),
	};
	memcpy(session.ticket_id, state.ticket_id, sizeof(session.ticket_id));
	/* the IKE SA it was issued for, deleted once resumed (4.3.4) */
	memcpy(session.ticket_ike_spis.initiator.bytes, state.spi_i, sizeof(state.spi_i));
	memcpy(session.ticket_ike_spis.responder.bytes, state.spi_r, sizeof(state.spi_r));
	enum resume_reject_reason status = RESUME_REJECT_NONE;
	diag_t d = NULL;
	if (!resume_ticket_auth(state.peer_auth, &session.auth_method)) {
		status = resume_reject_reason_of(RESUME_TICKET_MALFORMED_TLV);
	} else if ((d = id_from_payload_body(state.idi, &session.initiator_id)) != NULL ||
		   (d = id_from_payload_body(state.idr, &session.responder_id)) != NULL) {
		ldbg(ike->sa.logger, "ticket ID: %s", str_diag(d));
		pfree_diag(&d);
		status = resume_reject_reason_of(RESUME_TICKET_MALFORMED_TLV);
	} else if ((status = resume_ticket_revocation(state.ticket_id, &session.initiator_id,
						      session.auth_time, now,
						      ike->sa.logger)) != RESUME_REJECT_NONE) {
		/* revoked, or revocations lost: refused either way */
	} else switch (resume_replay_check(replay_cache, state.ticket_id, now)) {
	case RESUME_REPLAY_DUPLICATE:
		/* an IKE SA was already established with it */
		status = RESUME_REJECT_REPLAYED;
		break;
	case RESUME_REPLAY_FULL:
		/* can't promise single use: fail closed, to a full handshake */
		status = RESUME_REJECT_REPLAY_CACHE_FULL;
		break;
	default:
		break;
	}
	if (status == RESUME_REJECT_NONE) {
		/* this will be turned into SK_d during IKE_AUTH */
		PASSERT(ike->sa.logger, ike->sa.st_skey_d_nss == NULL);
		ike->sa.st_skey_d_nss = sk_d_old;
		set_ikev2_accepted_proposal(ike,
					    state.transforms.encr,
					    state.transforms.prf,
					    state.transforms.integ,
					    state.transforms.dh,
					    state.transforms.encr_keylen);
		ike->sa.st_v2_resume_session = clone_thing(session, "resume session");
		resume_session_policy_from_ticket(ike->sa.st_v2_resume_session, &state);
		count_v2_resume_ticket_accepted();
	} else {
		free_id_content(&session.initiator_id);
		free_id_content(&session.responder_id);
		symkey_delref(ike->sa.logger, "sk_d_old", &sk_d_old);
	}
	free_resume_ticket_plaintext(&plaintext);
	return (status == RESUME_REJECT_NONE ? true : reject_ticket(ike, status));
}

void record_v2_resume_ticket_used(struct ike_sa *ike)
{
	const struct resume_session *session = ike->sa.st_v2_resume_session;
	struct resume_replay_cache *replay_cache = resume_gateway_replay_cache();
	if (ike->sa.st_sa_role != SA_RESPONDER || session == NULL ||
	    !session->from_ticket || replay_cache == NULL) {
		return;
	}
	switch (resume_replay_record(replay_cache, session->ticket_id,
				     session->ticket_expiry, realnow())) {
	case RESUME_REPLAY_ROOM:	/* not returned by record */
	case RESUME_REPLAY_RECORDED:
		count_v2_resume_ticket_used();
		return;
	case RESUME_REPLAY_DUPLICATE:
		/* two IKE_AUTHs raced with one ticket; both had its SK_d */
		count_v2_resume_ticket_used_concurrently();
		llog(RC_LOG, ike->sa.logger,
		     "session resumption ticket was used by two IKE SAs at once");
		return;
	case RESUME_REPLAY_FULL:
		/* checked when the ticket was opened; a race at the cap */
		llog(RC_LOG, ike->sa.logger,
		     "session resumption single-use cache is full; ticket not recorded");
		return;
	}
}

/*
 * IKE_SESSION_RESUME 4.3.3.  IKE_AUTH Exchange:
 *
 *   The IDi value sent in the IKE_AUTH exchange MUST be identical to
 *   the value included in the ticket.  [...] the IDr value sent (by
 *   the gateway, and optionally by the client) in this exchange MUST
 *   also be identical to the value included in the ticket.
 */
static bool same_ticket_id(const char *role, const struct id *got,
			   const struct id *want, struct logger *logger)
{
	if (same_id(got, want)) {
		return true;
	}
	count_v2_resume_ticket_rejected(RESUME_REJECT_ID_MISMATCH);
	id_buf gb, wb;
	enum_buf rb;
	llog(RC_LOG, logger,
	     "rejecting IKE_SESSION_RESUME ticket: %s: %s ID '%s' is not the ticket's '%s'",
	     str_enum_long(&resume_reject_reason_names, RESUME_REJECT_ID_MISMATCH, &rb),
	     role, str_id(got, &gb), str_id(want, &wb));
	return false;
}

bool verify_resume_session_id(const struct resume_session *session,
			      const struct id *initiator_id,
			      const struct id *responder_id,
			      struct logger *logger)
{
	return (same_ticket_id("initiator", initiator_id, &session->initiator_id, logger) &&
		(responder_id->kind == ID_NONE ||
		 same_ticket_id("responder", responder_id, &session->responder_id, logger)));
}
