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

/*
 * A client asks for a ticket with N(TICKET_REQUEST) in IKE_AUTH and
 * later, to refresh it, in an INFORMATIONAL exchange of its own (RFC
 * 5723 4.1): before the ticket expires, after a TICKET_ACK ("later"),
 * and after every IKE rekey, which invalidates the old ticket (6.2).
 * The gateway answers each request with exactly one of TICKET_LT_OPAQUE,
 * TICKET_ACK or TICKET_NACK (R-4.1-7).
 */

#ifndef IKEV2_RESUME_REFRESH_H
#define IKEV2_RESUME_REFRESH_H

#include <stdbool.h>

struct ike_sa;
struct msg_digest;
struct pbs_out;
struct v2_exchange;

/* the share of a ticket's lifetime after which the client refreshes it */
#define RESUME_REFRESH_PERCENT		80
/* after a TICKET_ACK when the client holds no ticket, ask again after */
#define RESUME_TICKET_ACK_RETRY_SECONDS	30

/*
 * Gateway: answer the N(TICKET_REQUEST) of an IKE_AUTH or INFORMATIONAL
 * request.  False only when the message can not be built.
 */
bool emit_v2N_resume_ticket_answer(struct ike_sa *ike, struct pbs_out *pbs);

/*
 * Client: the gateway's answer in an IKE_AUTH or INFORMATIONAL response
 * (a ticket is stored and its refresh scheduled; TICKET_ACK schedules
 * another request).  Never fails the exchange (R-4.1-9).
 */
void process_v2_resume_ticket_answer(struct ike_sa *ike, const struct msg_digest *md);

/* client: EVENT_v2_RESUME_REFRESH, time to ask for a fresh ticket */
void event_v2_resume_ticket_refresh(struct ike_sa *ike);

/*
 * Both: OLD_IKE has been rekeyed into NEW_IKE.  The gateway carries how
 * and when the peer first authenticated over to the new IKE SA, for its
 * tickets; the client drops the ticket that the rekey invalidated and
 * asks for one for the new IKE SA (RFC 5723 6.2).
 */
void v2_resume_ike_sa_rekeyed(struct ike_sa *old_ike, struct ike_sa *new_ike);

extern const struct v2_exchange v2_INFORMATIONAL_v2N_TICKET_REQUEST_exchange;

#endif
