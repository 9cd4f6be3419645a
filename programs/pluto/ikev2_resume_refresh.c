/* IKEv2 session resumption (RFC 5723): asking for a ticket and answering, for libreswan
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
#include "demux.h"
#include "timer.h"
#include "ikev2.h"
#include "ikev2_states.h"
#include "ikev2_msgid.h"
#include "ikev2_message.h"
#include "ikev2_notification.h"
#include "ikev2_informational.h"
#include "ikev2_ike_session_resume.h"
#include "ikev2_resume_client.h"
#include "ikev2_resume_refresh.h"
#include "ikev2_resume_policy.h"

/*
 * A refreshed ticket must outlive the one it replaces by more than
 * this (the lifetime travels in whole seconds) for the client to
 * refresh again: when it does not, the gateway's limit (the IKE SA's
 * own lifetime, or re-authentication) caps it and asking again would
 * only bring the same expiry.
 */
#define RESUME_REFRESH_MIN_GAIN_SECONDS	2

/*
 * When the gateway rekeyed, it moves to the new IKE SA only once our
 * CREATE_CHILD_SA response has reached it: a request sent on the new
 * IKE SA at once can overtake that and be dropped.
 */
#define RESUME_AFTER_PEER_REKEY_SECONDS	1

bool emit_v2N_resume_ticket_answer(struct ike_sa *ike, struct pbs_out *pbs)
{
	const struct connection *c = ike->sa.st_connection;
	if (!c->config->session_resumption) {
		return emit_v2N(v2N_TICKET_NACK, pbs);
	}
	if (impair.resume_ticket_ack) {
		llog(RC_LOG, ike->sa.logger,
		     "IMPAIR: answering the ticket request with TICKET_ACK");
		return emit_v2N(v2N_TICKET_ACK, pbs);
	}
	if (impair.truncate_ticket_notify) {
		static const uint8_t truncated[2];
		llog(RC_LOG, ike->sa.logger, "IMPAIR: sending a truncated TICKET_LT_OPAQUE");
		return emit_v2N_bytes(v2N_TICKET_LT_OPAQUE, truncated, sizeof(truncated), pbs);
	}
	return emit_v2N_TICKET_LT_OPAQUE(ike, pbs);
}

static void schedule_refresh(struct ike_sa *ike, deltatime_t delay, const char *why)
{
	deltatime_buf db;
	llog(RC_LOG, ike->sa.logger,
	     "session resumption: asking for a fresh ticket in %s seconds (%s)",
	     str_deltatime(delay, &db), why);
	event_delete(EVENT_v2_RESUME_REFRESH, &ike->sa);
	event_schedule(EVENT_v2_RESUME_REFRESH, delay, &ike->sa);
}

/* the ticket C now holds was received on IKE; PREVIOUS, the one it replaced */
static void schedule_ticket_refresh(struct ike_sa *ike, const struct session *ticket,
				    const monotime_t *previous_expiry)
{
	if (previous_expiry != NULL &&
	    deltasecs(monotime_diff(ticket->sr_expires, *previous_expiry)) < RESUME_REFRESH_MIN_GAIN_SECONDS) {
		llog(RC_LOG, ike->sa.logger,
		     "session resumption: the refreshed ticket expires no later than the one it replaced; the gateway's limit is reached, not asking again");
		return;
	}
	deltatime_t life = monotime_diff(ticket->sr_expires, mononow());
	deltatime_t delay = deltatime_divu(deltatime_mulu(life, RESUME_REFRESH_PERCENT), 100);
	schedule_refresh(ike, delay, "before the ticket expires");
}

void process_v2_resume_ticket_answer(struct ike_sa *ike, const struct msg_digest *md)
{
	struct connection *c = ike->sa.st_connection;
	struct logger *logger = ike->sa.logger;

	if (md->pd[PD_v2N_TICKET_LT_OPAQUE] != NULL) {
		bool had_ticket = (c->session != NULL);
		monotime_t previous_expiry = (had_ticket ? c->session->sr_expires : monotime_epoch);
		/* an unusable ticket is no reason to lose the IKE SA */
		if (process_v2N_TICKET_LT_OPAQUE(ike, md->pd[PD_v2N_TICKET_LT_OPAQUE])) {
			schedule_ticket_refresh(ike, c->session,
						(had_ticket ? &previous_expiry : NULL));
		}
		return;
	}

	if (md->pd[PD_v2N_TICKET_NACK] != NULL) {
		llog(RC_LOG, logger, "received v2N_TICKET_NACK%s",
		     (c->session != NULL ? "; keeping the ticket held until it expires" : ""));
		return;
	}

	if (md->pd[PD_v2N_TICKET_ACK] != NULL) {
		/* RFC 5723 4.1: "later"; ask again (R-4.1-8) */
		llog(RC_LOG, logger, "received v2N_TICKET_ACK");
		deltatime_t delay = deltatime(RESUME_TICKET_ACK_RETRY_SECONDS);
		if (c->session != NULL) {
			/* before the ticket held expires */
			deltatime_t left = monotime_diff(c->session->sr_expires, mononow());
			delay = deltatime_min(delay, deltatime_divu(left, 2));
			if (deltasecs(delay) < 1) {
				llog(RC_LOG, logger,
				     "session resumption: the ticket held expires too soon to ask again");
				return;
			}
		}
		schedule_refresh(ike, delay, "the gateway answered TICKET_ACK");
		return;
	}
}

void event_v2_resume_ticket_refresh(struct ike_sa *ike)
{
	const struct connection *c = ike->sa.st_connection;
	if (!c->config->session_resumption ||
	    c->established_ike_sa != ike->sa.st_serialno) {
		ldbg(ike->sa.logger, "session resumption: no longer the connection's IKE SA; not asking for a ticket");
		return;
	}
	const struct v2_exchange *exchange = &v2_INFORMATIONAL_v2N_TICKET_REQUEST_exchange;
	if (!v2_ike_sa_can_initiate_exchange(ike, exchange)) {
		llog(RC_LOG, ike->sa.logger,
		     "session resumption: IKE SA in state %s can not ask for a ticket",
		     ike->sa.st_state->short_name);
		return;
	}
	v2_msgid_queue_exchange(ike, NULL, exchange);
}

void v2_resume_ike_sa_rekeyed(struct ike_sa *old_ike, struct ike_sa *new_ike)
{
	struct connection *c = new_ike->sa.st_connection;
	if (!c->config->session_resumption) {
		return;
	}

	/*
	 * The new IKE SA's tickets carry the old one's authentication
	 * (method and time; mint_ticket()) so that a rekey neither
	 * postpones re-authentication nor escapes a revocation by
	 * peer ID.  An IKE SA from IKE_SA_INIT has no record of its own
	 * yet: its peer authenticated when it was created.
	 */
	if (new_ike->sa.st_v2_resume_session == NULL) {
		struct resume_session *session;
		if (old_ike->sa.st_v2_resume_session != NULL) {
			session = clone_resume_session(old_ike->sa.st_v2_resume_session);
		} else {
			session = alloc_thing(struct resume_session, "rekeyed resume session");
			bool initiated = (old_ike->sa.st_sa_role == SA_INITIATOR);
			set_resume_session(session,
					   /*initiator*/(initiated ? c->local : c->remote),
					   /*responder*/(initiated ? c->remote : c->local),
					   old_ike->sa.st_inception);
			/* the gateway's: how the peer authenticated, as negotiated */
			set_resume_session_policy(session, old_ike);
		}
		/* not resumed: never recorded as a used ticket */
		session->from_ticket = false;
		new_ike->sa.st_v2_resume_session = session;
	}

	/*
	 * Client: rekeying invalidates the ticket (RFC 5723 6.2,
	 * R-6.2-4); ask for one for the new IKE SA in an INFORMATIONAL
	 * exchange, whichever end rekeyed (R-6.2-5, R-4.1-3).
	 */
	if (c->session != NULL) {
		forget_v2_resume_ticket(c, "the IKE SA was rekeyed", new_ike->sa.logger);
		bool peer_rekeyed = (new_ike->sa.st_sa_role == SA_RESPONDER);
		schedule_refresh(new_ike,
				 deltatime(peer_rekeyed ? RESUME_AFTER_PEER_REKEY_SECONDS : 0),
				 "the IKE SA was rekeyed");
	}
}

/*
 * The INFORMATIONAL exchange: HDR, SK {N(TICKET_REQUEST)} -->
 *                             <-- HDR, SK {N(TICKET_LT_OPAQUE|TICKET_ACK|TICKET_NACK)}
 */

static bool emit_ticket_request(struct ike_sa *ike UNUSED,
				struct child_sa *null_child UNUSED,
				struct pbs_out *pbs)
{
	return emit_v2N(v2N_TICKET_REQUEST, pbs);
}

static stf_status initiate_v2_INFORMATIONAL_v2N_TICKET_REQUEST_request(struct ike_sa *ike,
								       struct child_sa *null_child,
								       struct msg_digest *null_md)
{
	PEXPECT(ike->sa.logger, null_child == NULL);
	PEXPECT(ike->sa.logger, null_md == NULL);
	llog(RC_LOG, ike->sa.logger,
	     "session resumption: sending INFORMATIONAL request for a fresh ticket");
	if (!record_v2_INFORMATIONAL_request("ticket request", ike->sa.logger,
					     ike, /*child*/NULL, emit_ticket_request)) {
		return STF_INTERNAL_ERROR;
	}
	return STF_OK;
}

static bool emit_ticket_answer(struct ike_sa *ike,
			       struct child_sa *null_child UNUSED,
			       struct msg_digest *md UNUSED,
			       struct pbs_out *pbs)
{
	return emit_v2N_resume_ticket_answer(ike, pbs);
}

static stf_status process_v2_INFORMATIONAL_v2N_TICKET_REQUEST_request(struct ike_sa *ike,
								      struct child_sa *null_child,
								      struct msg_digest *md)
{
	PEXPECT(ike->sa.logger, null_child == NULL);
	llog(RC_LOG, ike->sa.logger,
	     "session resumption: received INFORMATIONAL request for a ticket");
	if (!record_v2_INFORMATIONAL_response("ticket answer", ike->sa.logger,
					      ike, /*child*/NULL, md,
					      emit_ticket_answer)) {
		return STF_INTERNAL_ERROR;
	}
	return STF_OK;
}

static stf_status process_v2_INFORMATIONAL_v2N_TICKET_REQUEST_response(struct ike_sa *ike,
								       struct child_sa *null_child,
								       struct msg_digest *md)
{
	PEXPECT(ike->sa.logger, null_child == NULL);
	if (md->pd[PD_v2N_TICKET_LT_OPAQUE] == NULL &&
	    md->pd[PD_v2N_TICKET_ACK] == NULL &&
	    md->pd[PD_v2N_TICKET_NACK] == NULL) {
		/* RFC 7296 3.10.1: a gateway without RFC 5723 ignores it */
		llog(RC_LOG, ike->sa.logger,
		     "session resumption: the gateway answered the ticket request with no ticket, TICKET_ACK or TICKET_NACK; not asking again");
		return STF_OK;
	}
	process_v2_resume_ticket_answer(ike, md);
	return STF_OK;
}

static const struct v2_transition v2_INFORMATIONAL_v2N_TICKET_REQUEST_initiate_transition = {
	.story = "session resumption ticket request",
	.to = &state_v2_ESTABLISHED_IKE_SA,
	.exchange = ISAKMP_v2_INFORMATIONAL,
	.processor = initiate_v2_INFORMATIONAL_v2N_TICKET_REQUEST_request,
	.llog_success = ldbg_v2_success,
	.timeout_event = EVENT_RETAIN,
};

static const struct v2_transition v2_INFORMATIONAL_v2N_TICKET_REQUEST_responder_transition[] = {
	{ .story      = "Informational Request (session resumption ticket request)",
	  .to = &state_v2_ESTABLISHED_IKE_SA,
	  .exchange   = ISAKMP_v2_INFORMATIONAL,
	  .recv_role  = MESSAGE_REQUEST,
	  .message_payloads.required = v2P(SK),
	  .encrypted_payloads.required = v2P(N),
	  .encrypted_payloads.notification = v2N_TICKET_REQUEST,
	  .processor  = process_v2_INFORMATIONAL_v2N_TICKET_REQUEST_request,
	  .llog_success = ldbg_v2_success,
	  .timeout_event = EVENT_RETAIN, },
};

static const struct v2_transitions v2_INFORMATIONAL_v2N_TICKET_REQUEST_responder_transitions = {
	ARRAY_REF(v2_INFORMATIONAL_v2N_TICKET_REQUEST_responder_transition),
};

static const struct v2_transition v2_INFORMATIONAL_v2N_TICKET_REQUEST_response_transition[] = {
	{ .story      = "Informational Response (session resumption ticket request)",
	  .to = &state_v2_ESTABLISHED_IKE_SA,
	  .exchange   = ISAKMP_v2_INFORMATIONAL,
	  .recv_role  = MESSAGE_RESPONSE,
	  .message_payloads.required = v2P(SK),
	  .encrypted_payloads.optional = v2P(N),
	  .processor  = process_v2_INFORMATIONAL_v2N_TICKET_REQUEST_response,
	  .llog_success = ldbg_v2_success,
	  .timeout_event = EVENT_RETAIN, },
};

static const struct v2_transitions v2_INFORMATIONAL_v2N_TICKET_REQUEST_response_transitions = {
	ARRAY_REF(v2_INFORMATIONAL_v2N_TICKET_REQUEST_response_transition),
};

const struct v2_exchange v2_INFORMATIONAL_v2N_TICKET_REQUEST_exchange = {
	.type = ISAKMP_v2_INFORMATIONAL,
	.subplot = "session resumption ticket request",
	.secured = true,
	.initiate.from = { &state_v2_ESTABLISHED_IKE_SA, },
	.initiate.transition = &v2_INFORMATIONAL_v2N_TICKET_REQUEST_initiate_transition,
	.responder = &v2_INFORMATIONAL_v2N_TICKET_REQUEST_responder_transitions,
	.response = &v2_INFORMATIONAL_v2N_TICKET_REQUEST_response_transitions,
};
