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

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <arpa/inet.h>

#include <event2/event.h>
#include <hiredis/hiredis.h>
#include <hiredis/async.h>
#include <hiredis/adapters/libevent.h>

#include <pk11pub.h>

#include "defs.h"
#include "log.h"
#include "log_limiter.h"
#include "show.h"
#include "state.h"
#include "demux.h"		/* for md_addref() */
#include "server.h"		/* for get_pluto_event_base(), schedule_timeout() */
#include "ikev2.h"		/* for complete_v2_state_transition() */
#include "enum_names.h"
#include "ikev2_resume_session.h"
#include "ikev2_resume_status.h"	/* for count_v2_resume_ticket_rejected() */
#include "ikev2_resume_wipe.h"
#include "ikev2_resume_store.h"

#define KEY_PREFIX		"ikev2-resume:"
#define MAX_CREDENTIALS		512
#define MIN_BACKOFF_MS		100
#define MAX_BACKOFF_MS		5000
#define CONNECT_TIMEOUT_MS	1000
/* this many requests in a row unanswered in time: the connection is dead */
#define MAX_TIMEOUTS_IN_A_ROW	3

/*
 * KEYS: used, revoked ticket, revoked peer; ARGV: member, remaining
 * life (ms), the peer's authentication time (s).  A revoked peer
 * record that is not a number refuses (fail closed).
 */
static const char check_script[] =
	"if redis.call('EXISTS', KEYS[2]) == 1 then return 'revoked' end "
	"local r = redis.call('GET', KEYS[3]) "
	"if r then local t = tonumber(r) "
	"if t == nil or t >= tonumber(ARGV[3]) then return 'revoked' end end "
	"if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'ok' end "
	"return 'replayed'";

static struct resume_store_config config = {
	.timeout = { .dt = { .tv_usec = RESUME_STORE_DEFAULT_TIMEOUT_MS * 1000, }, .is_set = true, },
	.failure = RESUME_STORE_FAIL_CLOSED,
};

enum store_state {
	STORE_DOWN,
	STORE_CONNECTING,
	STORE_CONNECTED,
};

static const char *const store_state_name[] = {
	[STORE_DOWN] = "down",
	[STORE_CONNECTING] = "connecting",
	[STORE_CONNECTED] = "connected",
};

static struct {
	bool started;
	bool stopping;
	bool usable;		/* the configuration can be used */
	enum store_state state;
	redisAsyncContext *ac;
	struct timeout *reconnect;
	struct timeout *connect_timer;
	unsigned backoff_ms;
	unsigned timeouts_in_a_row;
	/* parsed address */
	char *unix_path;
	char *ip;
	int port;
	unsigned db;
	/* from the credentials file, never logged */
	char *user;
	char *password;
	char member[HOST_NAME_MAX + 32];
	const char *why_down;	/* a static string */
} store;

static struct {
	unsigned long requests;
	unsigned long accepted;
	unsigned long replayed;
	unsigned long revoked;
	unsigned long errors;
	unsigned long timeouts;
	unsigned long unavailable;	/* not connected when asked */
	unsigned long fallbacks;	/* the policy let the local cache decide */
	unsigned long late;		/* answers after their timeout */
	unsigned long revocations;
	unsigned long revocation_failures;
	unsigned long reconnects;
	intmax_t last_us;
	intmax_t max_us;
	intmax_t sum_us;
	unsigned long answered;
} stats;

struct store_request {
	so_serial_t serialno;
	struct msg_digest *md;	/* NULL once answered */
	resume_store_cb *cb;
	struct timeout *timer;
	monotime_t sent;
};

static void connect_store(struct logger *logger);

const struct resume_store_config *resume_store_config(void)
{
	return &config;
}

void set_resume_store_config(const struct resume_store_config *new)
{
	pfreeany(config.address);
	pfreeany(config.credentials);
	config = *new;
	config.address = clone_str(new->address, "resume store address");
	config.credentials = clone_str(new->credentials, "resume store credentials");
}

/* "redis://ADDR[:PORT][/DB]", "redis://[ADDR6][:PORT][/DB]", "/SOCKET" */
static const char *parse_address(const char *address)
{
	if (address[0] == '/') {
		store.unix_path = clone_str(address, "resume store socket");
		return NULL;
	}
	if (!startswith(address, "redis://")) {
		return "expecting redis://ADDRESS[:PORT][/DB] or the path of a unix socket";
	}
	const char *p = address + strlen("redis://");
	char host[INET6_ADDRSTRLEN + 1];
	size_t n;
	if (*p == '[') {
		p++;
		n = strcspn(p, "]");
		if (p[n] != ']') {
			return "an IPv6 address needs its closing ]";
		}
	} else {
		n = strcspn(p, ":/");
	}
	if (n == 0 || n >= sizeof(host)) {
		return "the address is missing or too long";
	}
	memcpy(host, p, n);
	host[n] = '\0';
	p += n + (*(p + n) == ']');
	unsigned char bytes[sizeof(struct in6_addr)];
	if (inet_pton(AF_INET, host, bytes) != 1 && inet_pton(AF_INET6, host, bytes) != 1) {
		/* hiredis would resolve a name with a blocking lookup */
		return "the host must be a numeric IP address (a name would be looked up blocking the event loop)";
	}
	unsigned long port = 6379, db = 0;
	char *end;
	if (*p == ':') {
		errno = 0;
		port = strtoul(p + 1, &end, 10);
		if (errno != 0 || end == p + 1 || port == 0 || port > 65535) {
			return "the port is not a number from 1 to 65535";
		}
		p = end;
	}
	if (*p == '/') {
		errno = 0;
		db = strtoul(p + 1, &end, 10);
		if (errno != 0 || end == p + 1 || db > 1000000) {
			return "the database is not a number";
		}
		p = end;
	}
	if (*p != '\0') {
		return "unexpected text after the address";
	}
	store.ip = clone_str(host, "resume store ip");
	store.port = port;
	store.db = db;
	return NULL;
}

/* "USER PASSWORD" or "PASSWORD"; NULL, or why not (never the content) */
static const char *read_credentials(const char *file)
{
	FILE *f = fopen(file, "r");
	if (f == NULL) {
		return strerror(errno);
	}
	struct stat st;
	if (fstat(fileno(f), &st) != 0) {
		fclose(f);
		return strerror(errno);
	}
	if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
		fclose(f);
		return "it is readable or writable by group or others (chmod 600 it)";
	}
	if (st.st_uid != geteuid()) {
		fclose(f);
		return "it is not owned by the user pluto runs as (root)";
	}
	char line[MAX_CREDENTIALS];
	bool got = (fgets(line, sizeof(line), f) != NULL);
	fclose(f);
	if (!got) {
		return "it is empty";
	}
	line[strcspn(line, "\r\n")] = '\0';
	char *space = strchr(line, ' ');
	const char *why = NULL;
	if (line[0] == '\0') {
		why = "it is empty";
	} else if (space == NULL) {
		store.password = clone_str(line, "resume store password");
	} else {
		*space = '\0';
		if (line[0] == '\0' || space[1] == '\0' || strchr(space + 1, ' ') != NULL) {
			why = "expecting one line: USER PASSWORD";
		} else {
			store.user = clone_str(line, "resume store user");
			store.password = clone_str(space + 1, "resume store password");
		}
	}
	wipe_secret_thing(line);
	return why;
}

static void free_secret_str(char **s)
{
	if (*s != NULL) {
		wipe_secret_bytes(*s, strlen(*s));
		pfree(*s);
		*s = NULL;
	}
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
					   const char *why, struct logger *logger)
{
	if (config.failure == RESUME_STORE_FALL_BACK) {
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

/* a refusal the store itself decided */
static enum resume_reject_reason refused(enum resume_reject_reason reason,
					 struct logger *logger)
{
	count_v2_resume_ticket_rejected(reason);
	enum_buf rb;
	limited_llog(logger, UNSECURED_LOG_LIMITER,
		     "rejecting IKE_SESSION_RESUME ticket: %s (by the cluster's store)",
		     str_enum_long(&resume_reject_reason_names, reason, &rb));
	return reason;
}

/* hand the verdict to the waiting IKE SA, if it is still there */
static void answer(struct store_request *req, enum resume_reject_reason verdict)
{
	destroy_timeout(&req->timer);
	struct msg_digest *md = req->md;
	req->md = NULL;
	struct ike_sa *ike = ike_sa_by_serialno(req->serialno);
	if (ike == NULL) {
		ldbg(&global_logger, "session resumption store: IKE SA "PRI_SO" is gone; answer dropped",
		     req->serialno);
	} else {
		complete_v2_state_transition(ike, md, req->cb(ike, md, verdict));
	}
	md_delref(&md);
}

static enum resume_reject_reason judge_reply(const redisReply *reply,
					     const char *errstr, struct logger *logger)
{
	if (reply == NULL) {
		stats.errors++;
		char why[128];
		snprintf(why, sizeof(why), "the connection failed (%s)",
			 (errstr != NULL && errstr[0] != '\0' ? errstr : "closed"));
		return by_policy(RESUME_REJECT_STORE_UNAVAILABLE, why, logger);
	}
	if (reply->type == REDIS_REPLY_STRING || reply->type == REDIS_REPLY_STATUS) {
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
	char why[160];
	switch (reply->type) {
	case REDIS_REPLY_ERROR:
		/* the store's own words, bounded; not a peer's */
		snprintf(why, sizeof(why), "the store answered an error: %.100s",
			 (reply->str == NULL ? "" : reply->str));
		break;
	case REDIS_REPLY_STRING:
	case REDIS_REPLY_STATUS:
		snprintf(why, sizeof(why), "the store answered an unexpected string of %zu bytes",
			 reply->len);
		break;
	case REDIS_REPLY_INTEGER:
		snprintf(why, sizeof(why), "the store answered an integer");
		break;
	case REDIS_REPLY_NIL:
		snprintf(why, sizeof(why), "the store answered nil");
		break;
	case REDIS_REPLY_ARRAY:
		snprintf(why, sizeof(why), "the store answered an array");
		break;
	default:
		snprintf(why, sizeof(why), "the store answered type %d", reply->type);
		break;
	}
	/* a store that answers nonsense is no store: the policy decides */
	return by_policy(RESUME_REJECT_STORE_ERROR, why, logger);
}

static void check_reply(redisAsyncContext *ac, void *r, void *privdata)
{
	struct store_request *req = privdata;
	const redisReply *reply = r;
	if (req->md == NULL) {
		/* answered by its timer (or the store stopped) */
		if (!store.stopping && reply != NULL) {
			stats.late++;
		}
		pfree(req);
		return;
	}
	if (store.stopping) {
		destroy_timeout(&req->timer);
		md_delref(&req->md);
		pfree(req);
		return;
	}
	if (reply != NULL) {
		store.timeouts_in_a_row = 0;
	}
	count_latency(req);
	struct ike_sa *ike = ike_sa_by_serialno(req->serialno);
	enum resume_reject_reason verdict =
		judge_reply(reply, (ac == NULL ? NULL : ac->errstr),
			    (ike != NULL ? ike->sa.logger : &global_logger));
	answer(req, verdict);
	pfree(req);
}

static void drop_connection(const char *why)
{
	if (store.ac != NULL) {
		store.why_down = why;
		redisAsyncContext *ac = store.ac;
		store.ac = NULL;
		/* calls every pending callback with no reply */
		redisAsyncFree(ac);
	}
}

static void request_timeout(void *arg, const struct timer_event *event)
{
	struct store_request *req = arg;
	stats.timeouts++;
	struct ike_sa *ike = ike_sa_by_serialno(req->serialno);
	char why[96];
	snprintf(why, sizeof(why), "no answer within %jdms",
		 milliseconds_from_deltatime(config.timeout));
	enum resume_reject_reason verdict =
		by_policy(RESUME_REJECT_STORE_UNAVAILABLE, why,
			  (ike != NULL ? ike->sa.logger : event->logger));
	/* the request stays with hiredis until it answers or closes */
	answer(req, verdict);
	if (++store.timeouts_in_a_row >= MAX_TIMEOUTS_IN_A_ROW) {
		llog(RC_LOG, event->logger,
		     "session resumption store: %u requests in a row unanswered; reconnecting",
		     store.timeouts_in_a_row);
		store.timeouts_in_a_row = 0;
		drop_connection("requests unanswered");
		store.state = STORE_DOWN;
		connect_store(event->logger);
	}
}

static void reconnect_timer(void *arg UNUSED, const struct timer_event *event)
{
	destroy_timeout(&store.reconnect);
	connect_store(event->logger);
}

static void schedule_reconnect(struct logger *logger)
{
	if (store.stopping || store.reconnect != NULL) {
		return;
	}
	store.state = STORE_DOWN;
	destroy_timeout(&store.connect_timer);
	ldbg(logger, "session resumption store: reconnecting in %ums", store.backoff_ms);
	schedule_timeout("resume store reconnect", &store.reconnect,
			 deltatime_from_milliseconds(store.backoff_ms), reconnect_timer, NULL);
	store.backoff_ms = (store.backoff_ms * 2 > MAX_BACKOFF_MS ? MAX_BACKOFF_MS :
			    store.backoff_ms * 2);
}

static void setup_reply(redisAsyncContext *ac UNUSED, void *r, void *privdata)
{
	const char *what = privdata;
	const redisReply *reply = r;
	if (store.stopping || reply == NULL) {
		return;
	}
	if (reply->type == REDIS_REPLY_STATUS && streq(reply->str, "OK")) {
		ldbg(&global_logger, "session resumption store: %s accepted", what);
		return;
	}
	/* never the credentials; the store's words say which */
	llog(RC_LOG, &global_logger,
	     "session resumption store: %s refused: %.100s; the store is not used until it accepts it",
	     what, (reply->type == REDIS_REPLY_ERROR && reply->str != NULL ? reply->str :
		    "unexpected answer"));
	drop_connection(what);
	schedule_reconnect(&global_logger);
}

static void on_connect(const redisAsyncContext *ac, int status)
{
	destroy_timeout(&store.connect_timer);
	if (store.stopping || ac != store.ac) {
		return;
	}
	if (status != REDIS_OK) {
		/* hiredis frees AC after this */
		store.ac = NULL;
		if (store.why_down == NULL || !streq(store.why_down, "connect failed")) {
			llog(RC_LOG, &global_logger,
			     "session resumption store: connecting to %s failed: %s",
			     config.address, ac->errstr);
		}
		store.why_down = "connect failed";
		schedule_reconnect(&global_logger);
		return;
	}
	llog(RC_LOG, &global_logger, "session resumption store: connected to %s",
	     config.address);
	store.state = STORE_CONNECTED;
	store.why_down = NULL;
	store.backoff_ms = MIN_BACKOFF_MS;
	store.timeouts_in_a_row = 0;
}

static void on_disconnect(const redisAsyncContext *ac, int status UNUSED)
{
	if (store.stopping) {
		return;
	}
	if (ac == store.ac) {
		/* hiredis frees AC after this */
		store.ac = NULL;
		llog(RC_LOG, &global_logger,
		     "session resumption store: connection to %s lost: %s; reconnecting",
		     config.address, (ac->errstr[0] != '\0' ? ac->errstr : "closed"));
		store.why_down = "connection lost";
	}
	schedule_reconnect(&global_logger);
}

static void connect_timeout(void *arg UNUSED, const struct timer_event *event)
{
	destroy_timeout(&store.connect_timer);
	if (store.state == STORE_CONNECTING) {
		llog(RC_LOG, event->logger,
		     "session resumption store: connecting to %s took longer than %dms",
		     config.address, CONNECT_TIMEOUT_MS);
		drop_connection("connect timed out");
		schedule_reconnect(event->logger);
	}
}

static void connect_store(struct logger *logger)
{
	if (store.stopping || !store.usable || store.ac != NULL) {
		return;
	}
	stats.reconnects++;
	redisAsyncContext *ac = (store.unix_path != NULL ?
				 redisAsyncConnectUnix(store.unix_path) :
				 redisAsyncConnect(store.ip, store.port));
	if (ac == NULL) {
		llog(RC_LOG, logger, "session resumption store: out of memory connecting");
		schedule_reconnect(logger);
		return;
	}
	if (ac->err != 0) {
		if (store.why_down == NULL || !streq(store.why_down, "connect failed")) {
			llog(RC_LOG, logger, "session resumption store: connecting to %s failed: %s",
			     config.address, ac->errstr);
		}
		store.why_down = "connect failed";
		redisAsyncFree(ac);
		schedule_reconnect(logger);
		return;
	}
	if (redisLibeventAttach(ac, get_pluto_event_base()) != REDIS_OK) {
		llog(RC_LOG, logger, "session resumption store: cannot attach to the event loop");
		redisAsyncFree(ac);
		schedule_reconnect(logger);
		return;
	}
	store.ac = ac;
	store.state = STORE_CONNECTING;
	redisAsyncSetConnectCallback(ac, on_connect);
	redisAsyncSetDisconnectCallback(ac, on_disconnect);
	/* queued now, sent first once connected: every request follows them */
	if (store.password != NULL) {
		if (store.user != NULL) {
			const char *argv[] = { "AUTH", store.user, store.password, };
			redisAsyncCommandArgv(ac, setup_reply, "AUTH", elemsof(argv), argv, NULL);
		} else {
			const char *argv[] = { "AUTH", store.password, };
			redisAsyncCommandArgv(ac, setup_reply, "AUTH", elemsof(argv), argv, NULL);
		}
	}
	if (store.db != 0) {
		char db[16];
		snprintf(db, sizeof(db), "%u", store.db);
		const char *argv[] = { "SELECT", db, };
		redisAsyncCommandArgv(ac, setup_reply, "SELECT", elemsof(argv), argv, NULL);
	}
	schedule_timeout("resume store connect", &store.connect_timer,
			 deltatime_from_milliseconds(CONNECT_TIMEOUT_MS), connect_timeout, NULL);
}

/* the configuration can not be used: say so, and what tickets get */
static void not_used(const char *what, const char *value, const char *why,
		     const char *down, struct logger *logger)
{
	store.why_down = down;
	llog(RC_LOG, logger,
	     "session resumption store%s %s: %s; the store is not used and every presented ticket is %s",
	     what, value, why,
	     (config.failure == RESUME_STORE_FAIL_CLOSED ? "refused (store unavailable)" :
	      "checked by this member only"));
}

void start_v2_resume_store(struct logger *logger)
{
	if (store.started || config.address == NULL) {
		return;
	}
	store.started = true;
	store.backoff_ms = MIN_BACKOFF_MS;
	char host[HOST_NAME_MAX + 1] = "";
	gethostname(host, sizeof(host) - 1);
	snprintf(store.member, sizeof(store.member), "%s/%d", host, (int)getpid());
	const char *why = parse_address(config.address);
	if (why != NULL) {
		not_used("", config.address, why, "address invalid", logger);
		return;
	}
	if (config.credentials != NULL &&
	    (why = read_credentials(config.credentials)) != NULL) {
		not_used(" credentials", config.credentials, why, "credentials refused", logger);
		return;
	}
	store.usable = true;
	llog(RC_LOG, logger,
	     "session resumption store: %s, per request %jdms, failure=%s%s",
	     config.address, milliseconds_from_deltatime(config.timeout),
	     (config.failure == RESUME_STORE_FAIL_CLOSED ? "closed" : "local"),
	     (store.password != NULL ? ", with credentials" : ""));
	connect_store(logger);
}

void stop_v2_resume_store(void)
{
	store.stopping = true;
	destroy_timeout(&store.reconnect);
	destroy_timeout(&store.connect_timer);
	drop_connection("stopped");
	pfreeany(store.unix_path);
	pfreeany(store.ip);
	free_secret_str(&store.user);
	free_secret_str(&store.password);
	pfreeany(config.address);
	pfreeany(config.credentials);
}

/* LEN bytes as 2*LEN lower-case hex digits; OUT holds 2*LEN+1 */
static void jam_id_hex(char *out, size_t size, const uint8_t *bytes, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	passert(size >= 2 * len + 1);
	for (size_t i = 0; i < len; i++) {
		out[2 * i] = digits[bytes[i] >> 4];
		out[2 * i + 1] = digits[bytes[i] & 0xf];
	}
	out[2 * len] = '\0';
}

/* ikev2-resume:revoked-peer:<SHA-256 of the ID as ipsec status shows it> */
static bool peer_key(char *key, size_t size, const char *peer)
{
	uint8_t digest[32];
	if (PK11_HashBuf(SEC_OID_SHA256, digest, (const unsigned char *)peer,
			 strlen(peer)) != SECSuccess) {
		return false;
	}
	char hex[2 * sizeof(digest) + 1];
	jam_id_hex(hex, sizeof(hex), digest, sizeof(digest));
	snprintf(key, size, KEY_PREFIX "revoked-peer:%s", hex);
	return true;
}

unsigned resume_store_check(struct ike_sa *ike, struct msg_digest *md,
			    resume_store_cb *cb)
{
	const struct resume_session *session = ike->sa.st_v2_resume_session;
	if (config.address == NULL || session == NULL || !session->from_ticket) {
		return RESUME_REJECT_NONE;
	}
	stats.requests++;
	if (!store.usable || store.state != STORE_CONNECTED || store.ac == NULL) {
		stats.unavailable++;
		char why[96];
		snprintf(why, sizeof(why), "the store is %s (%s)",
			 store_state_name[store.state],
			 (store.why_down != NULL ? store.why_down : "not yet connected"));
		return by_policy(RESUME_REJECT_STORE_UNAVAILABLE, why, ike->sa.logger);
	}
	realtime_t now = realnow();
	char hex[2 * RESUME_TICKET_ID_SIZE + 1];
	jam_id_hex(hex, sizeof(hex), session->ticket_id, sizeof(session->ticket_id));
	char used[sizeof(KEY_PREFIX "used:") + sizeof(hex)];
	char revoked[sizeof(KEY_PREFIX "revoked-ticket:") + sizeof(hex)];
	char peer[sizeof(KEY_PREFIX "revoked-peer:") + 65];
	snprintf(used, sizeof(used), KEY_PREFIX "used:%s", hex);
	snprintf(revoked, sizeof(revoked), KEY_PREFIX "revoked-ticket:%s", hex);
	id_buf idb;
	if (!peer_key(peer, sizeof(peer), str_id(&session->initiator_id, &idb))) {
		stats.errors++;
		return by_policy(RESUME_REJECT_STORE_ERROR, "hashing the peer ID failed",
				 ike->sa.logger);
	}
	intmax_t life_ms = milliseconds_from_deltatime(realtime_diff(session->ticket_expiry, now));
	char life[32], auth_time[32];
	snprintf(life, sizeof(life), "%jd", (life_ms < 1000 ? 1000 : life_ms));
	snprintf(auth_time, sizeof(auth_time), "%jd", (intmax_t)session->auth_time.rt.tv_sec);
	const char *argv[] = {
		"EVAL", check_script, "3", used, revoked, peer,
		store.member, life, auth_time,
	};
	struct store_request *req = alloc_thing(struct store_request, "resume store request");
	req->serialno = ike->sa.st_serialno;
	req->cb = cb;
	req->sent = mononow();
	if (redisAsyncCommandArgv(store.ac, check_reply, req, elemsof(argv), argv, NULL) != REDIS_OK) {
		pfree(req);
		stats.errors++;
		return by_policy(RESUME_REJECT_STORE_UNAVAILABLE, "the request could not be queued",
				 ike->sa.logger);
	}
	req->md = md_addref(md);
	schedule_timeout("resume store request", &req->timer, config.timeout,
			 request_timeout, req);
	ldbg(ike->sa.logger, "session resumption store: asked about ticket %s; waiting", hex);
	return RESUME_STORE_PENDING;
}

static void revocation_reply(redisAsyncContext *ac UNUSED, void *r, void *privdata UNUSED)
{
	const redisReply *reply = r;
	if (store.stopping) {
		return;
	}
	if (reply == NULL || reply->type != REDIS_REPLY_STATUS || !streq(reply->str, "OK")) {
		stats.revocation_failures++;
		llog(RC_LOG, &global_logger,
		     "session resumption store: a revocation was not shared with the cluster (%s); this member still enforces it",
		     (reply == NULL ? "no answer" : reply->type == REDIS_REPLY_ERROR ? "error" :
		      "unexpected answer"));
	}
}

static void send_revocation(const char *key, const char *value, deltatime_t ttl,
			    struct logger *logger)
{
	if (config.address == NULL) {
		return;
	}
	if (!store.usable || store.state != STORE_CONNECTED || store.ac == NULL) {
		stats.revocation_failures++;
		llog(RC_LOG, logger,
		     "session resumption store: the store is %s: this revocation is not shared with the cluster; only this member enforces it",
		     store_state_name[store.state]);
		return;
	}
	char px[32];
	intmax_t ms = milliseconds_from_deltatime(ttl);
	snprintf(px, sizeof(px), "%jd", (ms < 1000 ? 1000 : ms));
	const char *argv[] = { "SET", key, value, "PX", px, };
	if (redisAsyncCommandArgv(store.ac, revocation_reply, NULL, elemsof(argv), argv, NULL) != REDIS_OK) {
		stats.revocation_failures++;
		llog(RC_LOG, logger,
		     "session resumption store: this revocation could not be queued; only this member enforces it");
		return;
	}
	stats.revocations++;
	ldbg(logger, "session resumption store: shared revocation %s", key);
}

void resume_store_revoke_ticket(const uint8_t ticket_id[RESUME_TICKET_ID_SIZE],
				deltatime_t ttl, struct logger *logger)
{
	char hex[2 * RESUME_TICKET_ID_SIZE + 1];
	jam_id_hex(hex, sizeof(hex), ticket_id, RESUME_TICKET_ID_SIZE);
	char key[sizeof(KEY_PREFIX "revoked-ticket:") + sizeof(hex)];
	snprintf(key, sizeof(key), KEY_PREFIX "revoked-ticket:%s", hex);
	send_revocation(key, store.member, ttl, logger);
}

void resume_store_revoke_peer(const char *peer, realtime_t when,
			      deltatime_t ttl, struct logger *logger)
{
	char key[sizeof(KEY_PREFIX "revoked-peer:") + 65];
	if (!peer_key(key, sizeof(key), peer)) {
		stats.revocation_failures++;
		llog(RC_LOG, logger,
		     "session resumption store: hashing the peer ID failed; this revocation is not shared");
		return;
	}
	char value[32];
	snprintf(value, sizeof(value), "%jd", (intmax_t)when.rt.tv_sec);
	send_revocation(key, value, ttl, logger);
}

void show_v2_resume_store(struct show *s)
{
	if (config.address == NULL && !store.started) {
		return;
	}
	SHOW_JAMBUF(s, buf) {
		jam(buf, "session resumption: store %s %s",
		    (config.address != NULL ? config.address : "<stopped>"),
		    store_state_name[store.state]);
		if (store.state != STORE_CONNECTED && store.why_down != NULL) {
			jam(buf, " (%s)", store.why_down);
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
}
