"""This checkout's model against an older model.py (argument: its path, e.g. main's at 865aeb5), bitwise: logits and
every gradient at several shapes, with dropout, flash, the KV cache and greedy generation. Prints ALL BITWISE or SOME DIFFER."""
import sys, types, torch
from litgpt_nb.model import Config, GPT, lm_loss, generate
def load_old():
    src = open(sys.argv[1]).read().replace("from .tokenizer import BPE_VOCAB_SIZE", "BPE_VOCAB_SIZE = 16000")
    mod = types.ModuleType("oldmodel"); exec(compile(src, "oldmodel", "exec"), mod.__dict__); return mod
old = load_old()
ok = True
for preset, B, kw in [("smoke", 4, {}), ("smoke", 4, dict(dropout=0.1)), ("smoke", 3, dict(parallel_residual=False, bias=False)),
                      ("smoke", 2, dict(rotary_percentage=1.0)), ("smoke", 2, dict(rotary_percentage=0.0)),
                      ("cpu", 8, {}), ("baby", 12, {}), ("baseline", 2, dict(dropout=0.2)), ("smoke", 4, dict(flash=True)),
                      ("smoke", 4, dict(dropout=0.1, embd_dropout=True))]:
    c = Config.from_name(preset, vocab_size=65, **kw)
    torch.manual_seed(0); m_old = old.GPT(old.Config.from_name(preset, vocab_size=65, **kw))
    m_new = GPT(c); m_new.load_state_dict(m_old.state_dict())
    for T in (c.block_size, c.block_size // 2 + 1):
        x = torch.randint(0, 65, (B, T))
        res = []
        for m in (m_old, m_new):
            torch.manual_seed(5); lg = m(x); lm_loss(lg, x).backward()
            res.append([lg.detach()] + [p.grad.clone() for p in m.parameters()]); m.zero_grad(set_to_none=True)
        eq = all(torch.equal(a, b) for a, b in zip(*res))
        ok &= eq; print(preset, kw, T, "bitwise" if eq else "DIFF " + str(max((a - b).abs().max().item() for a, b in zip(*res))))
    m_old.eval(); m_new.eval()
    g_old = old.generate(m_old, x[0, :3], min(8, c.block_size - 3), temperature=0)
    g_new = generate(m_new, x[0, :3], min(8, c.block_size - 3), temperature=0)
    ok &= torch.equal(g_old, g_new)
    with torch.no_grad():
        old.set_kv_cache(m_old, 1); import litgpt_nb.model as nm; nm.set_kv_cache(m_new, 1)
        a = m_old(x[:1, :5], torch.arange(5)); b = m_new(x[:1, :5], torch.arange(5))
        a2 = m_old(x[:1, 5:6], torch.tensor([5])); b2 = m_new(x[:1, 5:6], torch.tensor([5]))
        old.clear_kv_cache(m_old); nm.clear_kv_cache(m_new)
    print("  kv-cache forward", "bitwise" if torch.equal(a, b) and torch.equal(a2, b2) else f"DIFF {(a-b).abs().max().item():.2e} {(a2-b2).abs().max().item():.2e}", "generate equal", torch.equal(g_old, g_new))
print("ALL BITWISE" if ok else "SOME DIFFER")
