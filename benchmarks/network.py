"""A networked classroom on loopback: 30 protocol clients at Baltic Flashpoint.

Starts ``wargame host baltic-flashpoint --headless`` in a process of its own and joins
30 protocol-level clients (raw WebSocket messages, not Textual apps) from this one:
every government (28 in Baltic Flashpoint), the first few shared by two clients. Each round every speaker ends
its diplomacy turn, gives one order and ends its orders turn. It prints:

- the time from the last government ending its turn to every client having received
  the next phase's view (median and worst over every phase change; target median
  < 100 ms);
- the host's memory (resident set) after the rounds, no browsers (target < 150 MB);
- the host's memory with N browsers (``--browsers``, default 4) joined through the
  page ``--web`` serves: each browser runs a process of its own (``wargame join``,
  started by textual-serve), counted here, resident and proportional (PSS: shared
  pages divided among the processes that share them);
- a round over the network against the same round in hot-seat (one process: each
  government reads its view and gives the same order; target <= 1.5x);
- the same rounds against the transport alone (``FLOOR``: a bare aiohttp server with
  no game, answering the same requests with the host's replies and pushing the same
  view texts): the least any host on this transport can show.

    python benchmarks/network.py [--rounds N] [--browsers N]

Loopback only; bounded by --rounds (default 4) and a 120 s limit (300 s for the
browsers).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import sys
import time
from pathlib import Path
import tempfile

import _common  # noqa: F401 - the repository on sys.path

import aiohttp
import psutil

from wargame.campaign import load_campaign
from wargame.core import Game, Order
from wargame.net import schema

CLIENTS = 30
LIMIT = 120.0
BROWSERS_LIMIT = 300.0  # Textual apps start slowly on a busy machine


class Client:
    def __init__(self, code: str, n: int):
        self.code, self.n = code, n
        self.status: dict = {}
        self.view_key: tuple = ()
        self.view_at: dict[tuple, float] = {}
        self.view: dict = {}
        self.pushed: dict[str, str] = {}  # phase -> the last view or patch text pushed
        self.sent_orders: list = []  # the orders it gave last
        self.kinds: dict[int, str] = {}  # request id -> its type
        self.reply_text: dict[str, str] = {}  # request type -> the last reply's text
        self.replies: dict[int, asyncio.Future] = {}
        self.ids = 0

    async def open(self, session, url: str) -> None:
        self.ws = await session.ws_connect(url, max_msg_size=schema.MAX_SERVER_FRAME)
        await self.ws.send_str(schema.dump(schema.make("hello", id=0, code=self.code,
                                                       name=f"c{self.n}")))
        self.task = asyncio.create_task(self.read())

    async def read(self) -> None:
        async for m in self.ws:
            msg = schema.parse(m.data, "server")
            t = msg["type"]
            if t in ("welcome", "status"):
                self.status = msg["status"]
            elif t in ("view", "patch"):  # a patch: the fields that differ
                v = msg["view"] if t == "view" else {**self.view, **msg["view"]}
                k = (v["round"], v["phase"])
                self.pushed[v["phase"]] = m.data
                self.view, self.view_at.setdefault(k, time.perf_counter())
                self.view = v
            elif t == "reply" and msg["id"] in self.replies:
                self.reply_text[self.kinds.pop(msg["id"], "")] = m.data
                if msg.get("status"):
                    self.status = msg["status"]
                self.replies.pop(msg["id"]).set_result(msg)

    async def ask(self, kind: str, **fields) -> dict:
        self.ids += 1
        fut = asyncio.get_running_loop().create_future()
        self.replies[self.ids] = fut
        self.kinds[self.ids] = kind
        await self.ws.send_str(schema.dump(schema.make(kind, id=self.ids, **fields)))
        return await fut

    def order(self) -> list[dict]:
        opts = self.view.get("options") or []
        self.sent_orders = []
        for o in opts:
            if o["targets"]:
                self.sent_orders = [{"nation": self.view["nation"],
                                     "action": o["action"]["id"], "target": o["targets"][0]}]
                break
        return self.sent_orders


async def wait_for(pred, limit=30.0) -> None:
    end = time.perf_counter() + limit
    while not pred():
        if time.perf_counter() > end:
            raise TimeoutError("the clients waited too long")
        await asyncio.sleep(0.001)


async def play(url: str, codes: list[str], rounds: int, pid: int) -> dict:
    async with aiohttp.ClientSession() as session:
        clients = [Client(codes[i % len(codes)], i) for i in range(CLIENTS)]
        for c in clients:
            await c.open(session, url)
        await wait_for(lambda: all(c.status.get("started") for c in clients))
        await wait_for(lambda: all(c.view.get("phase") == "diplomacy" for c in clients))
        speakers = [c for c in clients if c.status["role"] == "speaker"]
        lags: list[float] = []
        round_times: list[float] = []
        host_cpu: list[float] = []
        host = psutil.Process(pid)
        for r in range(1, rounds + 1):
            start = time.perf_counter()
            cpu = sum(host.cpu_times()[:2])
            for phase, nxt in (("diplomacy", (r, "orders")), ("orders", (r + 1, "diplomacy"))):
                if phase == "orders":
                    await asyncio.gather(*(s.ask("orders", orders=s.order()) for s in speakers))
                await asyncio.gather(*(s.ask("end_turn") for s in speakers[:-1]))
                last = time.perf_counter()
                await speakers[-1].ask("end_turn")
                await wait_for(lambda: all(nxt in c.view_at for c in clients))
                lags.append(max(c.view_at[nxt] for c in clients) - last)
                if any(c.status.get("over") for c in clients):
                    break
            await asyncio.sleep(0.1)  # the deferred full save of the round is done
            host_cpu.append(sum(host.cpu_times()[:2]) - cpu)
            round_times.append(time.perf_counter() - start - 0.1)
            if any(c.status.get("over") for c in clients):
                break
        rss = psutil.Process(pid).memory_info().rss
        for c in clients:
            await c.ws.close()
        floor = {"pushes": [c.pushed for c in clients], "speakers": [c.n for c in speakers],
                 "orders": {c.n: c.sent_orders for c in speakers},
                 "replies": {k: json.loads(t) for k, t in speakers[-1].reply_text.items()}}
        return {"lags": lags, "rounds": round_times, "rss": rss, "host_cpu": host_cpu,
                "floor": floor}


# The transport's floor: a bare aiohttp server with no game behind it, answering the
# same requests (each parsed, as any host must) with the reply the host gave (its
# size, status included) and pushing each
# client, when the last speaker ends a phase, the very text the host pushed it then.
# No status notes, no journal, no saves, no views to compute.
FLOOR = r"""
import asyncio, json, sys
from aiohttp import web
pushes, replies = json.load(open(sys.argv[1]))  # per client: phase -> the text pushed
speakers = int(sys.argv[2])
conns = {}
state = {"ended": 0, "next": "orders"}

async def sock(request):
    ws = web.WebSocketResponse(max_msg_size=64 * 1024)
    await ws.prepare(request)
    async for m in ws:
        msg = json.loads(m.data)
        if msg["type"] == "hello":
            conns[int(msg["name"])] = ws
            continue
        reply = dict(replies[msg["type"]], id=msg["id"])  # as the host answered it
        await ws.send_str(json.dumps(reply, ensure_ascii=False, separators=(",", ":")))
        if msg["type"] == "end_turn":
            state["ended"] += 1
            if state["ended"] == speakers:
                phase, state["ended"] = state["next"], 0
                state["next"] = "diplomacy" if phase == "orders" else "orders"
                for n, c in conns.items():
                    await c.send_str(pushes[n][phase])
    return ws

async def main():
    app = web.Application()
    app.router.add_get("/ws", sock)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    print(runner.addresses[0][1], flush=True)
    await asyncio.Event().wait()

asyncio.run(main())
"""


async def floor_play(rec: dict, rounds: int, folder: Path) -> dict:
    """The same rounds against the bare server: (round times, server CPU per round)."""
    import subprocess

    data = folder / "floor.json"
    data.write_text(json.dumps([rec["pushes"], rec["replies"]]))
    speakers = rec["speakers"]
    proc = subprocess.Popen([sys.executable, "-c", FLOOR, str(data), str(len(speakers))],
                            stdout=subprocess.PIPE, text=True)
    try:
        port = int(proc.stdout.readline())
        server = psutil.Process(proc.pid)
        async with aiohttp.ClientSession() as session:
            socks = [await session.ws_connect(f"ws://127.0.0.1:{port}/ws") for _ in
                     range(CLIENTS)]
            got = [0] * CLIENTS
            waiting: dict[tuple, asyncio.Future] = {}

            async def read(i, ws):
                async for m in ws:
                    msg = json.loads(m.data)  # what the real clients do with each frame
                    if msg["type"] == "reply":
                        waiting.pop((i, msg["id"])).set_result(msg)
                    else:
                        got[i] += 1
            readers = [asyncio.create_task(read(i, ws)) for i, ws in enumerate(socks)]
            for i, ws in enumerate(socks):
                await ws.send_str(schema.dump(schema.make("hello", id=0, code="", name=str(i))))
            ids = iter(range(1, 10**9))

            async def ask(i, kind, **fields):
                rid = next(ids)
                fut = waiting[(i, rid)] = asyncio.get_running_loop().create_future()
                await socks[i].send_str(schema.dump(schema.make(kind, id=rid, **fields)))
                return await fut
            times, cpu = [], []
            pushes = 0
            for _ in range(rounds):
                start, c0 = time.perf_counter(), sum(server.cpu_times()[:2])
                for phase in ("diplomacy", "orders"):
                    if phase == "orders":
                        await asyncio.gather(*(ask(i, "orders", orders=rec["orders"][i])
                                               for i in speakers))
                    await asyncio.gather(*(ask(i, "end_turn") for i in speakers))
                    pushes += 1
                    await wait_for(lambda: all(g >= pushes for g in got))
                times.append(time.perf_counter() - start)
                cpu.append(sum(server.cpu_times()[:2]) - c0)
            for ws in socks:
                await ws.close()
            for r in readers:
                r.cancel()
        return {"rounds": times, "cpu": cpu}
    finally:
        proc.terminate()
        proc.wait(10)


async def browsers(url: str, codes: list[str], n: int, pid: int) -> dict:
    """``n`` browsers open the page's terminal (textual-serve starts a ``wargame join``
    for each) and type a code, as a student does; then the memory of the host and of
    every process it started."""
    base = url.replace("/ws", "/terminal") + "?width=120&height=40"
    async with aiohttp.ClientSession() as session:
        socks, opened = [], []
        for i in range(n):
            opened.append(time.perf_counter())
            ws = await session.ws_connect(base, max_msg_size=0)
            socks.append(ws)
        got = [0] * n
        screens = [bytearray() for _ in range(n)]
        asked = [0.0] * n  # when each browser's screen asked for the code

        async def read(i, ws):
            async for m in ws:
                if m.type == aiohttp.WSMsgType.BINARY:
                    got[i] += len(m.data)
                    screens[i] += m.data
                    if not asked[i] and b"join code" in screens[i]:
                        asked[i] = time.perf_counter()
        readers = [asyncio.create_task(read(i, ws)) for i, ws in enumerate(socks)]
        # every screen asks for the code
        await wait_for(lambda: all(b"join code" in s for s in screens), 120)
        await asyncio.sleep(0.5)
        seen = [0] * n  # how much each screen had drawn before its code was typed
        for i, ws in enumerate(socks):
            seen[i] = len(screens[i])
            for key in codes[i % len(codes)] + "\r":  # typed, a key at a time
                await ws.send_str(json.dumps(["stdin", key]))
                await asyncio.sleep(0.02)
        # joined: the game screen is drawn (the terminal only repaints what changed,
        # so any of its words will do: its footer's "End turn", the top line's "Round",
        # the note "You lead ... as your delegation's speaker")
        def joined(s: bytearray, k: int) -> bool:
            return any(w in s[k:] for w in (b"End turn", b"Round", b"delegation"))
        try:
            await wait_for(lambda: all(joined(s, k) for s, k in zip(screens, seen)), 120)
        except TimeoutError:
            for i, (s, k) in enumerate(zip(screens, seen)):
                if not joined(s, k):
                    words = re.findall(r"[A-Za-z][A-Za-z ,.:'/0-9-]{8,}", re.sub(
                        r"\x1b\[[0-9;?]*[A-Za-z]", "", s[k:].decode("utf-8", "replace")))
                    print(f"browser {i} did not join; its screen said: {words[-8:]}",
                          file=sys.stderr)
            raise
        await asyncio.sleep(3.0)  # joined: each holds its seat's view and screens
        host = psutil.Process(pid)
        procs = [host] + host.children(recursive=True)
        rss = sum(p.memory_info().rss for p in procs)
        full = [p.memory_full_info() for p in procs]
        pss = sum(getattr(f, "pss", 0) for f in full)
        pythons = [p for p in procs[1:] if "python" in p.name().lower()]
        children = host.children(recursive=True)
        for ws in socks:
            await ws.close()
        for r in readers:
            r.cancel()
        await asyncio.to_thread(psutil.wait_procs, children, 60)  # the browsers' processes end
        return {"rss": rss, "pss": pss, "host": getattr(full[0], "pss", 0),
                "processes": len(pythons),
                "start": statistics.median(a - o for a, o in zip(asked, opened))}


def hotseat(rounds: int, folder: Path) -> tuple[list[float], list[float]]:
    """The same rounds at one keyboard: every government reads its view in each phase
    and gives the same kind of order; the game is saved after each round, as hot-seat
    play does."""
    from wargame.saves import save_game

    c = load_campaign(Path(_common.ROOT) / "campaigns" / "baltic-flashpoint.yaml")
    g = Game(c.world, c.seed)
    save_game(g, c, folder / "hotseat")
    out, cpu = [], []
    for _ in range(rounds):
        start, cpu0 = time.perf_counter(), time.process_time()
        g.advance()  # diplomacy
        for n in g.world.ids:
            g.view(n)
        g.advance()  # orders
        for n in g.world.ids:
            v = g.view(n)
            opt = next((o for o in v.options if o.targets), None)
            g.submit_orders(n, [Order(n, opt.action.id, opt.targets[0])] if opt else [])
        g.resolve()
        save_game(g, c, folder / "hotseat")
        for n in g.world.ids:
            g.view(n)  # each reads the next round's briefing
        out.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu0)
        if g.over:
            break
    return out, cpu


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--browsers", type=int, default=4,
                    help="browsers to join through the page (0: none)")
    args = ap.parse_args()
    from wargame.campaign import load_campaign
    from wargame.campaign.bundled import find_campaign

    seats = len(load_campaign(find_campaign("baltic-flashpoint")).world.nations)
    folder = Path(tempfile.mkdtemp(prefix="wargame-bench-"))
    try:
        proc, http, codes = _common.start_host(folder, seats, "--web")
    except _common.HostStartError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        url = f"ws://{http[len('http://'):].rstrip('/')}{schema.PATH}"
        res = asyncio.run(asyncio.wait_for(play(url, codes, args.rounds, proc.pid), LIMIT))
        web = (asyncio.run(asyncio.wait_for(browsers(url, codes, args.browsers, proc.pid),
                                            BROWSERS_LIMIT)) if args.browsers else None)
    finally:
        proc.terminate()
        proc.wait(60)
    hot, hot_cpu = hotseat(len(res["rounds"]), folder)
    floor = asyncio.run(asyncio.wait_for(floor_play(res["floor"], len(res["rounds"]), folder),
                                         LIMIT))
    lags = sorted(res["lags"])
    med = statistics.median(lags) * 1000
    mb = res["rss"] / 2**20
    net_round = statistics.median(res["rounds"])
    hot_round = statistics.median(hot)
    ratio = net_round / hot_round
    host_cpu = statistics.fmean(res["host_cpu"])  # ticks of 10 ms: a mean, not a median
    cpu_ratio = host_cpu / statistics.fmean(hot_cpu)
    print(f"network: {CLIENTS} clients, {seats} governments ({CLIENTS - seats} shared), "
          f"{len(res['rounds'])} rounds of Baltic Flashpoint on loopback")
    print(f"phase change to every client's view: median {med:.1f} ms, worst "
          f"{lags[-1] * 1000:.1f} ms over {len(lags)} changes   target < 100 ms: "
          f"{'MET' if med < 100 else 'NOT MET'}")
    print(f"host memory (resident, --web on, no browser yet): {mb:.0f} MB   target < 150 MB: "
          f"{'MET' if mb < 150 else 'NOT MET'}")
    if web:  # proportional: shared pages counted once among the processes sharing them
        each = (web["pss"] - web["host"]) / max(1, web["processes"])
        print(f"host with {web['processes']} browsers (a wargame join process each): "
              f"{web['rss'] / 2**20:.0f} MB resident, {web['pss'] / 2**20:.0f} MB "
              f"proportional; about {each / 2**20:.0f} MB a browser, so 30 browsers: "
              f"about {(web['host'] + 30 * each) / 2**20:.0f} MB")
        print(f"  a browser's screen asks for the code {web['start']:.1f} s after the page "
              f"opens its terminal (median of {web['processes']} opened at once)")
    print(f"a round: network {net_round * 1000:.0f} ms, hot-seat {hot_round * 1000:.0f} ms, "
          f"{ratio:.2f}x   target <= 1.5x: {'MET' if ratio <= 1.5 else 'NOT MET'}")
    print(f"  the host's processor time for a round: {host_cpu * 1000:.0f}"
          f" ms, hot-seat {statistics.fmean(hot_cpu) * 1000:.0f} ms, {cpu_ratio:.2f}x "
          "(what the round costs the host's computer; the clients' share is theirs)")
    # processor times are counted in ticks of 10 ms: a mean over the rounds, not a median
    f_round, f_cpu = statistics.median(floor["rounds"]), statistics.fmean(floor["cpu"])
    print(f"  the transport alone (a bare aiohttp server, no game: the same requests answered, "
          f"the same view texts pushed): a round {f_round * 1000:.0f} ms "
          f"({f_round / hot_round:.2f}x the hot-seat round), its processor time "
          f"{f_cpu * 1000:.0f} ms; so a host over this transport needs at least about "
          f"{(f_round + hot_round) / hot_round:.1f}x (the transport plus the game's own work)")
    print(json.dumps({"median_ms": round(med, 1), "rss_mb": round(mb), "ratio": round(ratio, 2),
                      "browsers": web and web["processes"],
                      "browsers_pss_mb": web and round(web["pss"] / 2**20),
                      "cpu_ratio": round(cpu_ratio, 2),
                      "floor_ms": round(f_round * 1000, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
