/* IKEv2 session resumption (RFC 5723): counters and whack --resumestatus, for libreswan
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

#ifndef IKEV2_RESUME_STATUS_H
#define IKEV2_RESUME_STATUS_H

#include "ietf_constants.h"		/* for v2_notification_t */
#include "ikev2_resume_accept.h"	/* for enum resume_reject_reason */

struct show;

/* gateway: tickets issued, refused to issue, accepted, used */
void count_v2_resume_ticket_issued(void);
void count_v2_resume_ticket_refused_to_issue(void);
void count_v2_resume_ticket_accepted(void);
void count_v2_resume_ticket_used(void);
/* two IKE_AUTHs raced with one ticket */
void count_v2_resume_ticket_used_concurrently(void);
/* a presented ticket was refused for WHY (also logged, by the caller) */
void count_v2_resume_ticket_rejected(enum resume_reject_reason why);

/*
 * Client counters: resumptions tried and completed, and each way one
 * fell back to a full handshake: the gateway refused the
 * IKE_SESSION_RESUME request with REFUSAL (TICKET_NACK, ...), refused
 * the resumed AUTH, did not answer, or the ticket expired before it
 * could be used.
 */
void count_v2_resume_attempt(void);
void count_v2_resume_resumed(void);
void count_v2_resume_refusal(v2_notification_t refusal);
void count_v2_resume_auth_refused(void);
void count_v2_resume_timeout(void);
void count_v2_resume_ticket_expired(void);

/* whack --resumestatus: counters and keys (never key bytes) */
void show_resume_status(struct show *s);

#endif
