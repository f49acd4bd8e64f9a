"""A folder of Python sources of about N MB: the standard library's and the venv's .py files, in sorted order, copied
(and copied again under rep-K/ when they run out) until N MB. Usage: make_corpus.py DEST MB"""
import os, shutil, sys, sysconfig
from pathlib import Path

def sources():
    for root in (Path(sysconfig.get_paths()["stdlib"]), Path(sysconfig.get_paths()["purelib"])):
        for d, dirs, files in sorted(os.walk(root)):
            dirs.sort()
            for f in sorted(files):
                if f.endswith(".py"): yield root, Path(d, f)

def build(dest:Path, mb:float):
    want, got, rep = int(mb * 2**20), 0, 0
    while got < want:
        for root, p in sources():
            if got >= want: break
            size = p.stat().st_size
            if not size: continue
            q = dest/f"rep-{rep}"/root.name/p.relative_to(root)
            q.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, q); got += size
        rep += 1
    print(f"{dest}: {got:,} bytes in {sum(1 for _ in dest.rglob('*.py')):,} files ({rep} pass(es))")

if __name__ == "__main__": build(Path(sys.argv[1]), float(sys.argv[2]))
