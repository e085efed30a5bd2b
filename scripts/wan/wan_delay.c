/*
 * wan_delay: holds every packet of an NFQUEUE for a fixed time, then lets it through.
 *
 * This kernel has no netem, so the simulated WAN link between Meridian's datacenters gets its
 * delay here: iptables sends the link's forwarded packets to NFQUEUE <queue>, this program
 * accepts each one <delay-ms> after it arrived, in arrival order. Packets are never copied to
 * user space (COPY_META), so the cost per packet is one netlink message and one verdict.
 *
 *   wan_delay <queue-num> <delay-ms>
 */
#include <arpa/inet.h>
#include <errno.h>
#include <libnetfilter_queue/libnetfilter_queue.h>
#include <linux/netfilter.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

#define RING 65536

struct held {
  uint32_t id;
  int64_t due_ns;
};

static struct held ring[RING];
static unsigned head, tail; /* head: next to release; tail: next free slot */
static int64_t delay_ns;
static volatile sig_atomic_t running = 1;

static int64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int on_packet(struct nfq_q_handle *qh, struct nfgenmsg *msg, struct nfq_data *nfa,
                     void *data) {
  (void)msg;
  (void)data;
  struct nfqnl_msg_packet_hdr *ph = nfq_get_msg_packet_hdr(nfa);
  if (ph == NULL) return 0;
  uint32_t id = ntohl(ph->packet_id);
  if (tail - head >= RING) { /* full: let it pass rather than drop it */
    nfq_set_verdict(qh, id, NF_ACCEPT, 0, NULL);
    return 0;
  }
  ring[tail % RING].id = id;
  ring[tail % RING].due_ns = now_ns() + delay_ns;
  tail++;
  return 0;
}

static void stop(int sig) {
  (void)sig;
  running = 0;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s <queue-num> <delay-ms>\n", argv[0]);
    return 2;
  }
  int queue = atoi(argv[1]);
  delay_ns = (int64_t)atoi(argv[2]) * 1000000LL;
  signal(SIGTERM, stop);
  signal(SIGINT, stop);

  struct nfq_handle *h = nfq_open();
  if (h == NULL) { perror("nfq_open"); return 1; }
  nfq_unbind_pf(h, AF_INET);
  if (nfq_bind_pf(h, AF_INET) < 0) { perror("nfq_bind_pf"); return 1; }
  struct nfq_q_handle *qh = nfq_create_queue(h, queue, &on_packet, NULL);
  if (qh == NULL) { perror("nfq_create_queue"); return 1; }
  if (nfq_set_mode(qh, NFQNL_COPY_META, 0) < 0) { perror("nfq_set_mode"); return 1; }
  nfq_set_queue_maxlen(qh, RING);
  int fd = nfq_fd(h);
  int rcvbuf = 8 << 20;
  setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof rcvbuf);
  fprintf(stderr, "wan_delay: queue %d, %d ms\n", queue, atoi(argv[2]));

  char buf[65536] __attribute__((aligned));
  while (running) {
    int64_t now = now_ns();
    while (head != tail && ring[head % RING].due_ns <= now) {
      nfq_set_verdict(qh, ring[head % RING].id, NF_ACCEPT, 0, NULL);
      head++;
    }
    int timeout_ms = -1;
    if (head != tail) {
      int64_t wait = ring[head % RING].due_ns - now;
      timeout_ms = (int)((wait + 999999) / 1000000);
    }
    struct pollfd p = {.fd = fd, .events = POLLIN};
    int r = poll(&p, 1, timeout_ms);
    if (r < 0 && errno != EINTR) { perror("poll"); break; }
    if (r > 0) {
      for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n < 0) {
          if (errno == ENOBUFS) continue; /* the kernel dropped a notification; keep going */
          break;
        }
        nfq_handle_packet(h, buf, (int)n);
      }
    }
  }
  /* release everything still held before leaving */
  while (head != tail) {
    nfq_set_verdict(qh, ring[head % RING].id, NF_ACCEPT, 0, NULL);
    head++;
  }
  nfq_destroy_queue(qh);
  nfq_close(h);
  return 0;
}
