/* IKEv2 session resumption (RFC 5723): a cluster's shared store on Redis, for libreswan
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
 * A resumption's question to the cluster's store: one EVALSHA of the
 * check script (checks both revocation keys, then SET used NX PX), its
 * timer, and the verdict handed back to the waiting IKE SA;
 * --resumestatus.  The connection is ikev2_resume_store_link.c's.
 *
 * The script and the key names are ikev2_resume_store_schema.c's.  A
 * store that forgot the script (restarted behind a proxy, SCRIPT FLUSH)
 * answers EVALSHA with NOSCRIPT: the request is sent again as EVAL with
 * the text, and the script loaded again.
 */

#include <stdio.h>
#include <string.h>

#include <hiredis/hiredis.h>
#include <hiredis/async.h>

#include "defs.h"
#include "log.h"
#include "log_limiter.h"
#include "show.h"
#include "state.h"
#include "demux.h"		/* for md_addref() */
#include "server.h"		/* for schedule_timeout() */
#include "timer.h"
#include "ikev2.h"		/* for complete_v2_state_transition() */
#include "enum_names.h"
#include "ikev2_resume_session.h"
#include "ikev2_resume_status.h"	/* for count_v2_resume_ticket_rejected() */
#include "ikev2_resume_store_link.h"
#ifdef USE_RESUME_STORE_REF
#include "ikev2_resume_store_ref.h"
#endif

#define KEY_PREFIX	RESUME_STORE_KEY_PREFIX

#define stats resume_store_stats
#define config (*resume_store_config())

/* a sealed ticket's check: what EVAL(SHA)'s KEYS and ARGV are made of */
struct check_args {
	char used[sizeof(KEY_PREFIX "used:") + 2 * RESUME_TICKET_ID_SIZE];
	char revoked[sizeof(KEY_PREFIX "revoked-ticket:") + 2 * RESUME_TICKET_ID_SIZE];
	char peer[RESUME_STORE_PEER_KEY_SIZE];
	char life[24];
	char auth_time[24];
};

struct store_request {
	so_serial_t serialno;
	struct msg_digest *md;	/* NULL once answered */
	resume_store_cb *cb;		/* a sealed ticket's check (EVAL) */
	resume_store_ref_cb *ref_cb;	/* or a reference's GETDEL */
	struct timeout *timer;
	monotime_t sent;
	bool by_sha;			/* sent as EVALSHA: NOSCRIPT sends the text */
	struct check_args check;	/* CB's; for that second sending */
};

static void check_reply(redisAsyncContext *ac, void *r, void *privdata);

/* CHECK as EVALSHA (the script is loaded) or EVAL (its text) */
static int send_check(redisAsyncContext *ac, struct store_request *req)
{
	const char *argv[] = {
		NULL, NULL,	/* resume_store_script_call()'s */
		"3", req->check.used, req->check.revoked, req->check.peer,
		resume_store_member(), req->check.life, req->check.auth_time,
	};
	req->by_sha = resume_store_script_call(RESUME_STORE_CHECK_SCRIPT, argv);
	return redisAsyncCommandArgv(ac, check_reply, req, elemsof(argv), argv, NULL);
}

/* EVALSHA's NOSCRIPT: the store forgot the script */
static bool is_noscript(const struct store_request *req, const redisReply *reply)
{
	return (req->by_sha && resume_store_noscript(reply));
}

/* the latency of an answered request */
static void count_latency(const struct store_request *req)
{
	intmax_t us = microseconds_from_deltatime(monotime_diff(mononow(), req->sent));
	stats.last_us = us;
	if (us > stats.max_us) {
		stats.max_us = us;
	}
	stats.sum_us += us;
	stats.answered++;
}

/*
 * The store could not answer (WHY): by the policy, the member's own
 * cache (already consulted) decides, or the ticket is refused.
 */
static enum resume_reject_reason by_policy(enum resume_reject_reason reason,
					   const char *why, bool can_fall_back,
					   struct logger *logger)
{
	/* a reference's state is in the store: nothing to fall back to */
	if (config.failure == RESUME_STORE_FALL_BACK && can_fall_back) {
		stats.fallbacks++;
		limited_llog(logger, UNSECURED_LOG_LIMITER,
			     "session resumption store: %s; the ticket is checked by this member's own cache only (session-resumption-store-failure=local)",
			     why);
		return RESUME_REJECT_NONE;
	}
	count_v2_resume_ticket_rejected(reason);
	enum_buf rb;
	limited_llog(logger, UNSECURED_LOG_LIMITER,
		     "rejecting IKE_SESSION_RESUME ticket: %s: %s",
		     str_enum_long(&resume_reject_reason_names, reason, &rb), why);
	return reason;
}

enum resume_reject_reason resume_store_refuse(enum resume_reject_reason reason,
					       const char *whose, struct logger *logger)
{
	count_v2_resume_ticket_rejected(reason);
	enum_buf rb;
	limited_llog(logger, UNSECURED_LOG_LIMITER,
		     "rejecting IKE_SESSION_RESUME ticket: %s (%s)",
		     str_enum_long(&resume_reject_reason_names, reason, &rb), whose);
	return reason;
}

/* a refusal the store itself decided */
static enum resume_reject_reason refused(enum resume_reject_reason reason,
					 struct logger *logger)
{
	return resume_store_refuse(reason, "by the cluster's store", logger);
}

/* hand the verdict (and a reference's SEALED ticket) to the waiting IKE SA, if it is still there */
static void answer(struct store_request *req, enum resume_reject_reason verdict,
		   shunk_t sealed UNUSED)
{
	destroy_timeout(&req->timer);
	struct msg_digest *md = req->md;
	req->md = NULL;
	struct ike_sa *ike = ike_sa_by_serialno(req->serialno);
	if (ike == NULL) {
		ldbg(&global_logger, "session resumption store: IKE SA "PRI_SO" is gone; answer dropped",
		     req->serialno);
#ifdef USE_RESUME_STORE_REF
	} else if (req->ref_cb != NULL) {
		complete_v2_state_transition(ike, md, req->ref_cb(ike, md, verdict, sealed));
#endif
	} else {
		complete_v2_state_transition(ike, md, req->cb(ike, md, verdict));
	}
	md_delref(&md);
}

static enum resume_reject_reason judge_reply(const redisReply *reply, const char *errstr,
					     bool can_fall_back, struct logger *logger)
{
	/* room for the store's words, each byte escaped */
	char why[4 * RESUME_STORE_MAX_WORDS + 64];
	struct jambuf wb = ARRAY_AS_JAMBUF(why);
	if (reply == NULL) {
		stats.errors++;
		jam_string(&wb, "the connection failed (");
		if (errstr != NULL && errstr[0] != '\0') {
			jam_resume_store_words(&wb, errstr, strlen(errstr));
		} else {
			jam_string(&wb, "closed");
		}
		jam_string(&wb, ")");
		return by_policy(RESUME_REJECT_STORE_UNAVAILABLE, why, can_fall_back, logger);
	}
	/* the check script's words; a reference's GETDEL has none */
	if (can_fall_back &&
	    (reply->type == REDIS_REPLY_STRING || reply->type == REDIS_REPLY_STATUS)) {
		shunk_t s = shunk2(reply->str, reply->len);
		if (hunk_streq(s, "ok")) {
			stats.accepted++;
			return RESUME_REJECT_NONE;
		}
		if (hunk_streq(s, "replayed")) {
			stats.replayed++;
			return refused(RESUME_REJECT_REPLAYED, logger);
		}
		if (hunk_streq(s, "revoked")) {
			stats.revoked++;
			return refused(RESUME_REJECT_REVOKED, logger);
		}
	}
	stats.errors++;
	switch (reply->type) {
	case REDIS_REPLY_ERROR:
		/* the store's own words, printable and bounded; not a peer's */
		jam_string(&wb, "the store answered an error: ");
		jam_resume_store_words(&wb, reply->str, reply->len);
		break;
	case REDIS_REPLY_STRING:
	case REDIS_REPLY_STATUS:
		jam(&wb, "the store answered an unexpected string of %zu bytes", reply->len);
		break;
	case REDIS_REPLY_INTEGER:
		jam_string(&wb, "the store answered an integer");
		break;
	case REDIS_REPLY_NIL:
		jam_string(&wb, "the store answered nil");
		break;
	case REDIS_REPLY_ARRAY:
		jam_string(&wb, "the store answered an array");
		break;
	default:
		jam(&wb, "the store answered type %d", reply->type);
		break;
	}
	/* a store that answers nonsense is no store: the policy decides */
	return by_policy(RESUME_REJECT_STORE_ERROR, why, can_fall_back, logger);
}

#ifdef USE_RESUME_STORE_REF
/* GETDEL's answer: the sealed ticket, nil (used, revoked, expired, never issued), or nonsense */
static enum resume_reject_reason judge_reference_reply(const redisReply *reply, const char *errstr,
						       shunk_t *sealed, struct logger *logger)
{
	if (reply != NULL && reply->type == REDIS_REPLY_NIL) {
		stats.references_unknown++;
		return refused(RESUME_REJECT_REFERENCE_UNKNOWN, logger);
	}
	if (reply != NULL && reply->type == REDIS_REPLY_STRING &&
	    reply->len > 0 && reply->len <= RESUME_TICKET_MAX_SIZE) {
		stats.references_taken++;
		*sealed = shunk2(reply->str, reply->len);
		return RESUME_REJECT_NONE;
	}
	/* NULL, an error, another type, or a string no ticket is */
	return judge_reply(reply, errstr, /*can_fall_back*/false, logger);
}
#endif

static void check_reply(redisAsyncContext *ac, void *r, void *privdata)
{
	struct store_request *req = privdata;
	const redisReply *reply = r;
	if (req->md == NULL) {
		/* answered by its timer (or the store stopped) */
		if (!resume_store_stopping() && reply != NULL) {
			stats.late++;
		}
		pfree(req);
		return;
	}
	if (resume_store_stopping()) {
		destroy_timeout(&req->timer);
		md_delref(&req->md);
		pfree(req);
		return;
	}
	if (reply != NULL) {
		resume_store_link_answered();
	}
	if (is_noscript(req, reply) && ac != NULL) {
		/* once more with the text (one more round trip), and load it again */
		stats.noscripts++;
		ldbg(&global_logger, "session resumption store: NOSCRIPT; sending the script's text");
		load_v2_resume_store_scripts(ac);
		if (send_check(ac, req) == REDIS_OK) {
			return;		/* REQ is with hiredis again */
		}
	}
	count_latency(req);
	struct ike_sa *ike = ike_sa_by_serialno(req->serialno);
	struct logger *logger = (ike != NULL ? ike->sa.logger : &global_logger);
	const char *errstr = (ac == NULL ? NULL : ac->errstr);
	shunk_t sealed = empty_shunk;
	enum resume_reject_reason verdict;
#ifdef USE_RESUME_STORE_REF
	if (req->ref_cb != NULL) {
		verdict = judge_reference_reply(reply, errstr, &sealed, logger);
	} else
#endif
		verdict = judge_reply(reply, errstr, /*can_fall_back*/true, logger);
	/* SEALED points into REPLY, which hiredis frees after this */
	answer(req, verdict, sealed);
	pfree(req);
}

static void request_timeout(void *arg, const struct timer_event *event)
{
	struct store_request *req = arg;
	stats.timeouts++;
	struct ike_sa *ike = ike_sa_by_serialno(req->serialno);
	char why[96];
	snprintf(why, sizeof(why), "no answer within %jdms",
		 milliseconds_from_deltatime(config.timeout));
	bool can_fall_back = true;
#ifdef USE_RESUME_STORE_REF
	can_fall_back = (req->ref_cb == NULL);
#endif
	enum resume_reject_reason verdict =
		by_policy(RESUME_REJECT_STORE_UNAVAILABLE, why, can_fall_back,
			  (ike != NULL ? ike->sa.logger : event->logger));
	/* the request stays with hiredis until it answers or closes */
	answer(req, verdict, empty_shunk);
	resume_store_link_unanswered(event->logger);
}

/* the store can't be asked now: why, by the policy */
static unsigned not_connected(bool can_fall_back, struct logger *logger)
{
	stats.unavailable++;
	const char *why_down = resume_store_link_why_down();
	char why[96];
	snprintf(why, sizeof(why), "the store is %s (%s)",
		 resume_store_link_state(),
		 (why_down != NULL ? why_down : "not yet connected"));
	return by_policy(RESUME_REJECT_STORE_UNAVAILABLE, why, can_fall_back, logger);
}

/* send REQ (CB's check) or ARGV (REF_CB's) for IKE, which waits (STF_SUSPEND) */
static unsigned send_request(redisAsyncContext *ac, struct ike_sa *ike, struct msg_digest *md,
			     struct store_request *req, size_t argc, const char **argv,
			     resume_store_cb *cb, resume_store_ref_cb *ref_cb)
{
	req->serialno = ike->sa.st_serialno;
	req->cb = cb;
	req->ref_cb = ref_cb;
	req->sent = mononow();
	int sent = (cb != NULL ? send_check(ac, req) :
		    redisAsyncCommandArgv(ac, check_reply, req, argc, argv, NULL));
	if (sent != REDIS_OK) {
		pfree(req);
		stats.errors++;
		return by_policy(RESUME_REJECT_STORE_UNAVAILABLE, "the request could not be queued",
				 (cb != NULL), ike->sa.logger);
	}
	req->md = md_addref(md);
	schedule_timeout("resume store request", &req->timer, config.timeout,
			 request_timeout, req);
	/* not the ticket id nor the reference: a log reader could spend it first */
	ldbg(ike->sa.logger, "session resumption store: asked %s; waiting",
	     (cb != NULL ? (req->by_sha ? "EVALSHA" : "EVAL") : argv[0]));
	return RESUME_STORE_PENDING;
}

unsigned resume_store_check(struct ike_sa *ike, struct msg_digest *md,
			    resume_store_cb *cb)
{
	const struct resume_session *session = ike->sa.st_v2_resume_session;
	if (config.address == NULL || session == NULL || !session->from_ticket ||
	    /* taken from the store by GETDEL: single use by construction */
	    session->by_reference) {
		return RESUME_REJECT_NONE;
	}
	stats.requests++;
	redisAsyncContext *ac = resume_store_link();
	if (ac == NULL) {
		return not_connected(/*can_fall_back*/true, ike->sa.logger);
	}
	realtime_t now = realnow();
	struct store_request *req = alloc_thing(struct store_request, "resume store request");
	struct check_args *args = &req->check;
	char hex[2 * RESUME_TICKET_ID_SIZE + 1];
	jam_resume_store_id_hex(hex, sizeof(hex), session->ticket_id, sizeof(session->ticket_id));
	snprintf(args->used, sizeof(args->used), KEY_PREFIX "used:%s", hex);
	snprintf(args->revoked, sizeof(args->revoked), KEY_PREFIX "revoked-ticket:%s", hex);
	id_buf idb;
	if (!resume_store_peer_key(args->peer, sizeof(args->peer),
				   str_id(&session->initiator_id, &idb))) {
		pfree(req);
		stats.errors++;
		return by_policy(RESUME_REJECT_STORE_ERROR, "hashing the peer ID failed",
				 /*can_fall_back*/true, ike->sa.logger);
	}
	intmax_t life_ms = milliseconds_from_deltatime(realtime_diff(session->ticket_expiry, now));
	snprintf(args->life, sizeof(args->life), "%jd", (life_ms < 1000 ? 1000 : life_ms));
	snprintf(args->auth_time, sizeof(args->auth_time), "%jd",
		 (intmax_t)session->auth_time.rt.tv_sec);
	return send_request(ac, ike, md, req, 0, NULL, cb, NULL);
}

#ifdef USE_RESUME_STORE_REF
unsigned resume_store_take_reference(struct ike_sa *ike, struct msg_digest *md,
				     const char *key, resume_store_ref_cb *cb)
{
	stats.requests++;
	redisAsyncContext *ac = resume_store_link();
	if (ac == NULL) {
		return not_connected(/*can_fall_back*/false, ike->sa.logger);
	}
	const char *argv[] = { "GETDEL", key, };
	struct store_request *req = alloc_thing(struct store_request, "resume store request");
	return send_request(ac, ike, md, req, elemsof(argv), argv, NULL, cb);
}
#endif

void show_v2_resume_store(struct show *s)
{
	if (config.address == NULL && !resume_store_stopping()) {
		return;
	}
	SHOW_JAMBUF(s, buf) {
		jam(buf, "session resumption: store %s %s",
		    (config.address != NULL ? config.address : "<stopped>"),
		    resume_store_link_state());
		const char *why_down = resume_store_link_why_down();
		if (why_down != NULL) {
			jam(buf, " (%s)", why_down);
		}
		jam(buf, ", failure=%s, timeout=%jdms",
		    (config.failure == RESUME_STORE_FAIL_CLOSED ? "closed" : "local"),
		    milliseconds_from_deltatime(config.timeout));
		jam(buf, ", latency last=%jd.%03jdms max=%jd.%03jdms avg=%jd.%03jdms",
		    stats.last_us / 1000, stats.last_us % 1000,
		    stats.max_us / 1000, stats.max_us % 1000,
		    (stats.answered == 0 ? 0 : (stats.sum_us / (intmax_t)stats.answered) / 1000),
		    (stats.answered == 0 ? 0 : (stats.sum_us / (intmax_t)stats.answered) % 1000));
	}
	show(s, "session resumption: store requests=%lu accepted=%lu replayed=%lu revoked=%lu errors=%lu timeouts=%lu unavailable=%lu fallbacks=%lu late=%lu revocations=%lu revocation-failures=%lu connects=%lu",
	     stats.requests, stats.accepted, stats.replayed, stats.revoked, stats.errors,
	     stats.timeouts, stats.unavailable, stats.fallbacks, stats.late,
	     stats.revocations, stats.revocation_failures, stats.reconnects);
#ifdef USE_RESUME_STORE_REF
	show(s, "session resumption: store tickets=%s references issued=%lu taken=%lu unknown=%lu sealed-instead=%lu issue-failures=%lu",
	     (config.by_reference ? "reference" : "sealed"),
	     stats.references_issued, stats.references_taken, stats.references_unknown,
	     stats.references_sealed_instead, stats.references_issue_failures);
#endif
	show(s, "session resumption: store script-loads=%lu script-load-failures=%lu noscripts=%lu (the store's scripts, EVALSHA)",
	     stats.script_loads, stats.script_load_failures, stats.noscripts);
	show(s, "session resumption: store revocations-queued=%u revocations-resent=%lu revocations-expired=%lu (made while the store was out)",
	     queued_v2_resume_store_revocations(), stats.revocations_resent,
	     stats.revocations_expired);
}
