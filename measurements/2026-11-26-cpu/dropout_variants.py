import torch, time, math, sys, torch.nn as nn, torch.nn.functional as F
from litgpt_nb.model import Config, GPT, CausalSelfAttention, apply_rope, lm_loss
torch.manual_seed(0)
variant = sys.argv[1]
cfg = Config.from_name("baseline", vocab_size=322, dropout=0.0 if variant == "nodrop" else 0.2)
def drop(x, p): return torch.where(torch.rand_like(x) >= p, x * (1 / (1 - p)), 0.0)
class D(nn.Module):
    def __init__(s, p): super().__init__(); s.p = p
    def forward(s, x): return drop(x, s.p) if s.training else x
def attn_forward(self, x, cos, sin, mask=None, input_pos=None):
    B, T, C = x.shape
    nh, hs, n = self.config.n_head, self.config.head_size, self.config.rope_n_elem
    q, k, v = self.qkv(x).view(B, T, 3, nh, hs).permute(2, 0, 3, 1, 4)
    q = torch.cat((apply_rope(q[..., :n], cos, sin), q[..., n:]), dim=-1)
    k = torch.cat((apply_rope(k[..., :n], cos, sin), k[..., n:]), dim=-1)
    att = (q @ k.transpose(-2, -1)) * (1 / math.sqrt(hs))
    att = att.masked_fill(torch.ones(T, T, dtype=torch.bool).triu(1), float("-inf")).softmax(-1)
    y = drop(att, self.config.dropout) @ v
    return self.resid_dropout(self.proj(y.transpose(1, 2).reshape(B, T, C)))
m = GPT(cfg)
if variant in ("resid", "both"):
    for name, mod in list(m.named_modules()):
        for cn, ch in list(mod.named_children()):
            if isinstance(ch, nn.Dropout): setattr(mod, cn, D(ch.p))
if variant in ("attn", "both"): CausalSelfAttention.forward = attn_forward
opt = torch.optim.AdamW(m.parameters(), lr=1e-3)
x = torch.randint(0, 322, (32, 256)); y = torch.randint(0, 322, (32, 256))
from torch.nn.attention import sdpa_kernel, SDPBackend
ts = []
for i in range(10):
    t = time.perf_counter()
    with sdpa_kernel(SDPBackend.MATH): loss = lm_loss(m(x), y)
    loss.backward(); opt.step(); opt.zero_grad()
    ts.append(time.perf_counter() - t)
print(variant, [round(t, 2) for t in ts], "median of steps 4-10 (s):", round(sorted(ts[3:])[3], 3))
