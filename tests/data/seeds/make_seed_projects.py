import re, sys, glob, os
sys.path.insert(0,'.')
from decimal import Decimal
from core.model import Report
from core.io import project_file as pf
info = {
 '000': ('左贡县人民政府', 2024, None, '左贡县人民政府办公室'),
 '001': ('平武县人民政府办公室', 2024, '2025-01-21', '平武县人民政府办公室'),
 '002': ('岚皋县佐龙镇人民政府', 2024, None, '岚皋县佐龙镇人民政府'),
 '003': ('和田地区', 2024, None, '和田地区'),
 '004': ('工布江达县人民政府办公室', 2020, '2021-02-08', '工布江达县人民政府办公室'),
}
SECT = {'overview':'一','problems':'五','other':'六'}
for f in sorted(glob.glob('../shared/seeds/*.txt')):
    sid = os.path.basename(f)[:3]
    lines = open(f, encoding='utf-8').read().split('\n')
    sec = None; nums = {'二':[], '三':[], '四':[]}; text={'preface':[], '一':[], '五':[], '六':[]}
    for l in lines:
        s = l.strip().rstrip('|').strip()
        m = re.match(r"^(一|二|三|四|五|六)、(总体情况|主动公开|收到和处理|政府信息公开行政|存在的主要|其他需要)", s)
        if m and not l.startswith('\t') and len(s) < 40:
            sec = m.group(1); continue
        if sec in nums:
            t = s.replace(' ','')
            if re.fullmatch(r'-?[\d.]+(万元)?', t): nums[sec].append(t)
        elif s and not s.startswith('|'):
            key = sec or 'preface'
            text[key].append(s.replace('[bookmark: _GoBack]',''))
    unit, year, date, signer = info[sid]
    r = Report.new(unit, year)
    r.meta['date'] = date; r.meta['signer'] = signer
    for name, t in zip(('t2','t3','t4'), '二三四'):
        cells = r.form.table(name).cells
        vals = nums[t]
        assert len(vals) == len(cells), (sid, name, len(vals), len(cells))
        for c, v in zip(cells, vals):
            if c.kind.value == 'money': r.values[c.ref] = Decimal(v.replace('万元',''))
            else: r.values[c.ref] = int(v)
    r.text['preface'] = '\n'.join(text['preface'][{'000':1,'001':0,'002':2,'003':2,'004':2}[sid]:])
    r.text['overview'] = '\n'.join(text['一']); r.text['problems'] = '\n'.join(text['五']); r.text['other'] = '\n'.join(text['六'])
    pf.save(r, f'tests/data/seeds/seed{sid}.nianbao', backup=False)
    print(sid, r.text['preface'][:30], '|', r.text['other'][:60].replace('\n',' / '))
