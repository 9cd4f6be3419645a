/*
 * LD_PRELOAD for pluto in pluto-shutdown-stress: a thread that is slow
 * to exit, made deterministic.
 *
 * Stock 5.2 loses a race at shutdown: a crypto helper tells the main
 * thread it is exiting, returns, and then runs its thread-specific-data
 * destructors; NSPR's takes an NSPR lock.  If the helper is descheduled
 * in between (a busy machine) and the main thread gets to
 * NSS_Shutdown() and PR_Cleanup() first, the destructor does
 * PR_Lock(NULL) and pluto dies by SIGSEGV.
 *
 * This library gives every thread pluto creates a destructor of its
 * own (its key is created before pluto's main(), so before NSPR's, and
 * glibc runs destructors in key order) that holds the exiting thread
 * back until either PR_Cleanup() has returned or somebody
 * pthread_join()s that very thread; at most HOLD_SECONDS.  After
 * PR_Cleanup() the main thread waits a moment for the released threads,
 * so that a late NSPR destructor runs before exit().  A pluto that
 * joins its helpers before it shuts NSS down releases each of them by
 * the join and loses no time; stock 5.2 crashes on almost every stop.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

#define HOLD_SECONDS 5
#define MAX_JOINED 64

static pthread_key_t hold_key;
static pthread_mutex_t hold_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t hold_cond = PTHREAD_COND_INITIALIZER;
static bool nspr_gone;
static unsigned held;
static pthread_t joined[MAX_JOINED];
static unsigned nr_joined;

static bool being_joined(pthread_t t)
{
	for (unsigned i = 0; i < nr_joined; i++) {
		if (pthread_equal(joined[i], t)) {
			return true;
		}
	}
	return false;
}

static void hold_exit(void *arg)
{
	(void)arg;
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += HOLD_SECONDS;
	pthread_mutex_lock(&hold_mutex);
	held++;
	while (!nspr_gone && !being_joined(pthread_self())) {
		if (pthread_cond_timedwait(&hold_cond, &hold_mutex, &until) == ETIMEDOUT) {
			break;
		}
	}
	held--;
	pthread_mutex_unlock(&hold_mutex);
}

__attribute__((constructor)) static void hold_init(void)
{
	pthread_key_create(&hold_key, hold_exit);
}

struct start {
	void *(*fn)(void *);
	void *arg;
};

static void *trampoline(void *p)
{
	struct start s = *(struct start *)p;
	free(p);
	pthread_setspecific(hold_key, &hold_key);
	return s.fn(s.arg);
}

int pthread_create(pthread_t *t, const pthread_attr_t *attr,
		   void *(*fn)(void *), void *arg)
{
	static int (*real)(pthread_t *, const pthread_attr_t *,
			   void *(*)(void *), void *);
	if (real == NULL) {
		real = (int (*)(pthread_t *, const pthread_attr_t *,
				void *(*)(void *), void *))
			dlsym(RTLD_NEXT, "pthread_create");
	}
	struct start *s = malloc(sizeof(*s));
	if (s == NULL) {
		return EAGAIN;
	}
	s->fn = fn;
	s->arg = arg;
	return real(t, attr, trampoline, s);
}

int pthread_join(pthread_t t, void **ret)
{
	static int (*real)(pthread_t, void **);
	if (real == NULL) {
		real = (int (*)(pthread_t, void **))dlsym(RTLD_NEXT, "pthread_join");
	}
	pthread_mutex_lock(&hold_mutex);
	if (nr_joined < MAX_JOINED) {
		joined[nr_joined++] = t;
	}
	pthread_cond_broadcast(&hold_cond);
	pthread_mutex_unlock(&hold_mutex);
	return real(t, ret);
}

/* PRStatus PR_Cleanup(void): PRStatus is an enum */
int PR_Cleanup(void)
{
	static int (*real)(void);
	if (real == NULL) {
		real = (int (*)(void))dlsym(RTLD_NEXT, "PR_Cleanup");
	}
	int status = real();
	pthread_mutex_lock(&hold_mutex);
	nspr_gone = true;
	unsigned late = held;
	pthread_cond_broadcast(&hold_cond);
	pthread_mutex_unlock(&hold_mutex);
	if (late > 0) {
		/* let the released threads run NSPR's destructor now */
		struct timespec ts = { .tv_sec = 0, .tv_nsec = 200 * 1000 * 1000, };
		nanosleep(&ts, NULL);
	}
	return status;
}
