import { describe, expect, it } from 'vitest';
import { annotate } from '../annotate.js';
import { loadKnowledge } from '../knowledge/index.js';
import { findBrackets } from './brackets.js';

const knowledge = loadKnowledge();
const quotes = (text: string) =>
  annotate(text, { knowledge, date: '2024-01-18' }).quotes.map((q) => ({
    kind: q.kind,
    text: q.text,
    canonical: q.canonical,
    org: q.org,
    verb: q.verb,
    attribution: q.attribution,
  }));

describe('extractQuotes: attribution patterns of wire copy', () => {
  it('Xは…「…」と主張した, with org and verb', () => {
    expect(
      quotes(
        'ロシアのプーチン大統領は16日、「ロシア軍の手に完全に主導権があることは明らかだ」と主張した',
      ),
    ).toEqual([
      {
        kind: 'speech',
        text: 'ロシア軍の手に完全に主導権があることは明らかだ',
        canonical: 'プーチン',
        org: 'ロシア',
        verb: '主張した',
        attribution: 'explicit',
      },
    ]);
  });

  it('「…」とみている reports a view, as 述べた reports words', () => {
    const [q] = quotes('キーウ大学のペトレンコ教授は「停戦交渉は長期化する」とみている。');
    expect(q).toMatchObject({ kind: 'speech', canonical: 'ペトレンコ' });
  });

  it.each([
    '漏らした',
    '追及した',
    'くぎを刺した',
    'つぶやいた',
    '苦笑した',
    '一笑に付した',
    '釈明した',
    '声を弾ませた',
    '無念さをにじませた',
    '危機感を募らせた',
    '胸をなで下ろした',
    '解説した',
    '問題視した',
    '冷ややかだった',
  ])("reporters' verbs of speech make a quote speech: 「…」と%s", (verb) => {
    const text = `与党幹部の一人は記者団に「解散は近いと思う」と${verb}。`;
    const [q] = annotate(text, { knowledge }).quotes;
    expect(q).toMatchObject({ kind: 'speech', speaker: '与党幹部の一人' });
  });

  it.each(['申し入れをした', '言葉を残した', '手紙を送った', '文言を盛り込んだ'])(
    'words put in a noun of speech are speech: 「…」との%s',
    (rest) => {
      const text = `与党幹部の一人は「解散は近いと思う」との${rest}。`;
      const [q] = annotate(text, { knowledge }).quotes;
      expect(q).toMatchObject({ kind: 'speech', speaker: '与党幹部の一人' });
    },
  );

  it('a read-out: words from an agent put in a noun of speech that was given (Xからは、「…」との挨拶があった)', () => {
    const text =
      '式典には吉岡公使とストルチャク副市長が出席した。\n吉岡公使からは、「日本は人々とともにある」との挨拶がありました。\nこれに対し、ストルチャク副市長から、「心から感謝する」との謝意が示されました。\n公社の技術者からは、「熱を送り続けられる」との声が聞かれました。';
    expect(annotate(text, { knowledge }).quotes.map((q) => [q.kind, q.speaker])).toEqual([
      ['speech', '吉岡公使'],
      ['speech', 'ストルチャク副市長'],
      ['speech', '公社の技術者'],
    ]);
  });

  it('a captured post’s words are its author’s, named on the credit line; a news outlet’s are not', () => {
    const post = [
      '【声明】防衛省の発表について',
      '「一方的な主張は受け入れられない」… https://t.co/abc',
      '— 在日ロシア連邦大使館 (@EmbassyTest) March 3, 2027',
      '防衛省は2日、演習について「深刻な懸念」を表明した。',
      '',
      'これについて、当館は以下の通りコメントする。',
      '',
      '「一方的な主張は受け入れられない。演習は防衛的なものだ」',
      '',
      'ロシア外務省のザハロワ報道官も先に、「東京は指示に従っている」と指摘している。',
    ].join('\n');
    expect(
      annotate(post, { knowledge }).quotes.map((q) => [q.text.slice(0, 6), q.speaker]),
    ).toEqual([
      ['一方的な主張', '在日ロシア連邦大使館'],
      ['深刻な懸念', '防衛省'],
      ['一方的な主張', '在日ロシア連邦大使館'],
      ['東京は指示に', 'ザハロワ報道官'],
    ]);
    const news =
      '「一方的な主張は受け入れられない」… https://t.co/abc\n— ロイター (@ReutersJapan) March 3, 2027';
    expect(annotate(news, { knowledge }).quotes[0]?.speaker).toBeNull();
  });

  it('a side no list names, right before a headline’s quote, says it', () => {
    const text =
      '文科省、留学生の審査を厳格化\u3000学校側「優秀な学生が離れる」\n文部科学省は審査を強化した。';
    expect(annotate(text, { knowledge }).quotes[0]).toMatchObject({
      speaker: '学校側',
      speakerKind: 'unnamed',
    });
  });

  it('a headline’s space ends the clause of a name closing a quote', () => {
    const text =
      '「前進は予定通り」とショイグ氏\u3000前線を視察、ウクライナは否定\n【モスクワ共同】ロシアのショイグ安全保障会議書記は前線を訪れた。';
    expect(annotate(text, { knowledge }).quotes[0]?.canonical).toBe('ショイグ');
  });

  it('a read-out: each side’s words given with 旨, the speaker marked by から', () => {
    const text =
      '両大臣は会談を行いました。冒頭、ヤマダ大臣から就任への祝意が述べられました。\n両大臣は意見交換を行い、小池大臣から、「教訓は示唆に富む」旨述べました。これに対しヤマダ大臣から、「協力を深めたい」旨の発言がありました。';
    expect(annotate(text, { knowledge }).quotes.map((q) => [q.kind, q.speaker])).toEqual([
      ['speech', '小池大臣'],
      ['speech', 'ヤマダ大臣'],
    ]);
  });

  it('words credited in brackets after them: 「…」（外務省幹部）', () => {
    const got = (text: string) =>
      annotate(text, { knowledge }).quotes.map((q) => [q.kind, q.text, q.speaker]);
    expect(got('交渉は「再開の見通しは立たない」（外務省幹部）。')).toEqual([
      ['speech', '再開の見通しは立たない', '外務省幹部'],
    ]);
    // The credit closes the words: no report without brackets is read across it.
    expect(got('「交渉の再開は遠い」（外務省幹部）との見方が強い。')).toEqual([
      ['speech', '交渉の再開は遠い', '外務省幹部'],
    ]);
    expect(got('除去には「数十年かかる」（ウクライナ政府）とされる。')).toEqual([
      ['speech', '数十年かかる', 'ウクライナ政府'],
    ]);
    // A gloss after a name is no credit.
    expect(got('ロシア軍は「ハイマース」（高機動ロケット砲システム）を警戒する。')).toEqual([
      ['term', 'ハイマース', null],
    ]);
  });

  it('a television caption names an unnamed official by the whole line (韓国外交部 報道官)', () => {
    const speaker = (text: string) => annotate(text, { knowledge }).quotes[0]?.speaker;
    expect(speaker('韓国政府は。\n\n韓国外交部 報道官\n「緊張を高めるだけだ」')).toBe(
      '韓国外交部 報道官',
    );
    // A numbered heading is no caption: the official stands as named.
    expect(speaker('支援を続けます。\n\n２　市長コメント\n「支え続けてまいります。」')).toBe(
      '市長',
    );
    // The body on the line says whose: not the holder of the title named before.
    const q = annotate(
      'ペスコフ報道官は「成果だ」と述べました。\n\nウクライナ軍 東部部隊 報道官\n「戦闘が続いている」',
      { knowledge },
    ).quotes[1];
    expect([q?.speaker, q?.canonical, q?.speakerKind]).toEqual([
      'ウクライナ軍 東部部隊 報道官',
      null,
      'unnamed',
    ]);
  });

  it('a source (Xによると) is who a later quote with no subject is about', () => {
    const text =
      'ウクライナ軍のシルスキー総司令官によると、前線の状況は厳しい。\n「敵は兵力で勝っている」という。';
    expect(quotes(text)[0]).toMatchObject({ kind: 'speech', canonical: 'シルスキー' });
  });

  it('organisation plus person: ロシア外務省のザハロワ報道官', () => {
    const [q] = quotes(
      'ロシア外務省のザハロワ報道官は17日、記者会見で「条約の承認が最終段階にある」と述べた。',
    );
    expect(q).toMatchObject({ canonical: 'ザハロワ', org: 'ロシア外務省', verb: '述べた' });
  });

  it('「…」とXは: the speaker after the quote', () => {
    expect(quotes('「交渉の扉は開いている」とペスコフ報道官は記者団に語った。')[0]).toMatchObject({
      canonical: 'ペスコフ',
    });
  });

  it('does not take a subject of the next sentence as the speaker', () => {
    const [q] = quotes(
      '兵士は「弾薬が足りない」と訴えた。ロシアのプーチン大統領は別の場で演説した。',
    );
    expect(q?.canonical).toBeNull();
  });

  it('a minister for a topic: the name ends where the topic starts (赤沢経済再生担当相)', () => {
    const who = (text: string) => annotate(text, { knowledge }).quotes[0]?.canonical;
    // A family name no list has with a topic title, then with a given name before it.
    expect(who('黒沢経済再生担当相は「交渉は前進した」と述べた。')).toBe('黒沢');
    expect(who('黒沢亮太経済再生担当相は「交渉は前進した」と述べた。')).toBe('黒沢亮太');
    expect(who('城内実経済安全保障担当相は「交渉は前進した」と述べた。')).toBe('城内実');
    const editor = annotate('BBCの政治担当編集長は「警報だ」と分析した。', { knowledge }).quotes[0];
    expect(editor).toMatchObject({ speaker: 'BBCの政治担当編集長', speakerKind: 'unnamed' });
  });

  it('ranks, junior ministers and the people in the street of TV captions (data/nlp/titles.json)', () => {
    const who = (text: string) => annotate(text, { knowledge }).quotes[0]?.canonical;
    expect(who('呉地方総監の山内俊介海将は「備えは万全だ」と述べた。')).toBe('山内俊介');
    const junior = annotate('ある閣外相は匿名を条件に「危機感が足りない」と語った。', {
      knowledge,
    });
    expect(junior.quotes[0]).toMatchObject({ speaker: 'ある閣外相', speakerKind: 'unnamed' });
    const street = annotate('街の人の声です。\n\n主婦(30代)\n「値上げが続いて苦しい」', {
      knowledge,
    });
    expect(street.quotes[0]?.speakerKind).toBe('unnamed');
  });

  it('Korean bodies by the short names Korean outlets use (国情院, 合参, 大統領室)', () => {
    const who = (text: string) => annotate(text, { knowledge }).quotes[0]?.canonical;
    expect(who('国情院は国会の情報委員会で「派遣は続いている」と報告した。')).toBe(
      '韓国国家情報院',
    );
    expect(who('合参は「監視を強化している」と明らかにした。')).toBe('韓国軍合同参謀本部');
    expect(who('大統領室は「挑発の中止を求める」との立場を出した。')).toBe('韓国大統領室');
  });

  it('a katakana name before a body with its acronym in brackets, then the title', () => {
    const text =
      'IAEAのグロッシ事務局長も出席した。\nペルー出身のマルケス国際電気通信連合(ITU)事務局長は「規則が要る」と述べた。';
    expect(annotate(text, { knowledge }).quotes[0]?.canonical).toBe('マルケス');
  });

  it('a one-kanji family name and a two-kanji given name of the name dictionary (笠真一幹事長)', () => {
    const who = (text: string) => annotate(text, { knowledge }).quotes[0]?.canonical ?? null;
    expect(who('社民党の笠真一幹事長は「審議が足りない」と述べた。')).toBe('笠真一');
    // Three kanji that the dictionary does not split so stay no one.
    expect(who('北朝鮮外相は「審議が足りない」と述べた。')).toBeNull();
  });

  it('a given name in hiragana after a family name (片山さつき財務相, 森まさこ氏)', () => {
    const who = (text: string) => annotate(text, { knowledge }).quotes[0]?.canonical ?? null;
    expect(who('片山さつき財務相は「交渉は前進した」と述べた。')).toBe('片山さつき');
    expect(who('森まさこ氏は「交渉は前進した」と述べた。')).toBe('森まさこ');
    expect(who('会見したのは財務相だった。財務相は「交渉は前進した」と述べた。')).toBeNull();
  });

  it('names before the titles of churches, councils, embassies and parties', () => {
    for (const title of ['府主教', '理事', '参事官', '特別報告者', '政調会長', '書記局長']) {
      const [q] = annotate(`ヤブリンスキー${title}は「交渉は長引く」と述べた。`, {
        knowledge,
      }).quotes;
      expect(q?.canonical, title).toBe('ヤブリンスキー');
    }
  });

  it('unknown names before a title become the speaker as written', () => {
    expect(
      quotes('ウクライナのカミシン戦略産業相は「迎撃に成功した」と発表した。')[0],
    ).toMatchObject({ canonical: 'カミシン', org: 'ウクライナ' });
  });

  it('同氏 and 同相 point back to the last person named', () => {
    const text =
      'ラブロフ外相は会見した。同相は「対話は可能だ」と述べた。ナワリヌイ氏も投稿した。同氏は「自由を」と訴えた。';
    expect(quotes(text).map((q) => [q.canonical, q.attribution])).toEqual([
      ['ラブロフ', 'coreference'],
      ['ナワリヌイ', 'coreference'],
    ]);
  });

  it('consecutive quotes in sentences without a subject keep the speaker', () => {
    const text = 'バウアー氏は「変革が必要だ」と発言。さらに「備えなければならない」と述べた。';
    expect(quotes(text).map((q) => [q.canonical, q.attribution])).toEqual([
      ['バウアー', 'explicit'],
      ['バウアー', 'carried'],
    ]);
  });

  it('a report without brackets ends its clause at a conjugated verb, not at a bare stem', () => {
    const who = (text: string) =>
      annotate(text, { knowledge })
        .quotes.filter((q) => q.kind !== 'indirect')
        .map((q) => q.canonical);
    expect(
      who(
        '高市首相は会見した。野田代表は、対策が届いていないと追及し、首相は「賃上げを止めない」と答弁した。',
      ),
    ).toEqual(['高市早苗']);
    expect(
      who(
        'ゼレンスキー大統領は、国は侵攻を阻止していると強調、各地の住民は「英雄的な」抵抗を試みているとたたえた。',
      ),
    ).toEqual(['ゼレンスキー']);
  });

  it('an unnamed member of a group speaks as written: ある中堅議員, 閣僚経験者, 野党議員', () => {
    for (const who of [
      '自民党のある中堅議員',
      'ある閣僚経験者',
      '野党議員',
      'プーチン氏のある側近',
    ]) {
      const text = `高市氏は「反対だ」と述べた。${who}は記者団に「地元は混乱する」と語った。`;
      expect(annotate(text, { knowledge }).quotes[1], who).toMatchObject({
        speaker: who,
        speakerKind: 'unnamed',
      });
    }
  });

  it('同筋 points back to the source named with 筋', () => {
    const text =
      'カラス氏は「制裁を強める」と述べた。EU外交筋によると、対象には銀行6行が含まれる。「抜け穴をふさがない限り効かない」と同筋は述べた。';
    expect(annotate(text, { knowledge }).quotes[1]).toMatchObject({
      speaker: 'EU外交筋',
      speakerKind: 'unnamed',
    });
  });

  it('a person whose thing a sentence is about is who the next words are carried to', () => {
    const who = (text: string) => annotate(text, { knowledge }).quotes.map((q) => q.canonical);
    expect(
      who(
        'メアス副局長は「伝えたい」と話す。ボンダルチュクさんの畑は、ようやく耕せるようになった。「まだ少し怖い」と笑う。',
      ),
    ).toEqual(['メアス', 'ボンダルチュク']);
    // In a sentence that quotes, the thing is what is said about: the body speaks.
    expect(
      who('在独ロシア大使館は声明で、メルツ氏の発言は「不安をあおるものだ」と批判した。')[0],
    ).not.toBe('メルツ');
  });

  it('two speakers in one sentence', () => {
    const text =
      'プーチン大統領は「主導権は我々にある」と主張した一方、ゼレンスキー大統領も「戦争は公正な平和で終わる」と述べた。';
    expect(quotes(text).map((q) => q.canonical)).toEqual(['プーチン', 'ゼレンスキー']);
  });

  it('a name in brackets between a noun and the person it is the body of is a term', () => {
    const text =
      '野党「国民の力」の報道官は論評を出し、「成果が見えない」と批判した。最大野党「国民の力」の張東赫(チャン・ドンヒョク)代表は「財布を使うな」と述べた。';
    expect(quotes(text).map((q) => [q.kind, q.text])).toEqual([
      ['term', '国民の力'],
      ['speech', '成果が見えない'],
      ['term', '国民の力'],
      ['speech', '財布を使うな'],
    ]);
    // Words before の and a noun that is no person are someone's: `首相「増税せず」の発言`.
    expect(quotes('首相「増税せず」の発言は波紋を呼んだ。')[0]?.kind).not.toBe('term');
  });

  it('what something is about (「…」を巡る, 「…」めぐり) is a term; と詰め寄った reports speech', () => {
    expect(quotes('党首討論で応酬　「政治とカネ」めぐり\n本文。').map((q) => q.kind)).toEqual([
      'term',
    ]);
    expect(quotes('首相の「台湾有事」を巡る答弁が続いた。').map((q) => q.kind)).toEqual(['term']);
    expect(quotes('野田氏は「先送りするつもりか」と詰め寄った。').map((q) => q.kind)).toEqual([
      'speech',
    ]);
  });

  it('a party, unit or body named in brackets inside a speaker phrase is a term', () => {
    const text =
      '最大野党「共に民主党」の李代表は「戦争をあおっている」と批判した。義勇兵部隊「ロシア自由軍団」の司令官は「前進を続ける」と述べた。';
    expect(quotes(text).map((q) => [q.kind, q.text])).toEqual([
      ['term', '共に民主党'],
      ['speech', '戦争をあおっている'],
      ['term', 'ロシア自由軍団'],
      ['speech', '前進を続ける'],
    ]);
  });

  it('names, terms and scare quotes are not speech: they are terms, with no speaker', () => {
    const text =
      '世界経済フォーラムの年次総会、通称「ダボス会議」で演説した。兵器は「フランケンSAM」と呼ばれる。内務省はSNS「テレグラム」に投稿した。防空システム「パトリオット」「ナサムス」を送る。「ハイマース」弾薬も届いた。';
    expect(quotes(text).map((q) => [q.kind, q.text, q.canonical])).toEqual([
      ['term', 'ダボス会議', null],
      ['term', 'フランケンSAM', null],
      ['term', 'テレグラム', null],
      ['term', 'パトリオット', null],
      ['term', 'ナサムス', null],
      ['term', 'ハイマース', null],
    ]);
  });

  it('a quoted phrase inside a reported statement is a fragment of the same speaker', () => {
    const q = quotes('内務省は、デモは「許可されていない集会」だったと明らかにした。').find(
      (x) => x.kind !== 'indirect',
    );
    expect(q).toMatchObject({ kind: 'fragment', canonical: '内務省' });
  });

  it('inner 『』 stay in the outer quote; a word quoted there is a term', () => {
    const r = quotes(
      'ゼレンスキー大統領は「ロシアは『交渉』と言いながら攻撃を続ける」と批判した。',
    );
    expect(r.map((q) => [q.kind, q.text])).toEqual([
      ['speech', 'ロシアは『交渉』と言いながら攻撃を続ける'],
      ['term', '交渉'],
    ]);
  });

  it('🗣️ in a post: the words after the mark, by the person named before it', () => {
    const r = quotes(
      'プーチン大統領は協議したと述べた。🗣️我々は課題を理解している。\n決定は公正でなければならない。🐸 pic.twitter.com/x',
    );
    expect(r).toEqual([
      {
        kind: 'speech',
        text: '我々は課題を理解している。\n決定は公正でなければならない。',
        canonical: 'プーチン',
        org: 'ロシア',
        verb: null,
        attribution: 'mark',
      },
    ]);
  });

  it('headlines: the speaker opens the line and the quote follows without a particle', () => {
    expect(quotes('プーチン大統領「ロシアに主導権」ウクライナも抗戦\n本文')[0]).toMatchObject({
      kind: 'speech',
      canonical: 'プーチン',
    });
    expect(quotes('ゼレンスキー氏、「春までに反撃」 前線を視察')[0]).toMatchObject({
      kind: 'speech',
      canonical: 'ゼレンスキー',
    });
    expect(quotes('米、「攻撃は容認できない」と非難\n米国務省は声明を出した。')[0]).toMatchObject({
      kind: 'speech',
      canonical: '米国',
    });
  });

  it('headlines: a clause after a space is another’s; a group right before the quote speaks', () => {
    const said = (t: string) => annotate(t, { knowledge }).quotes.map((q) => q.speaker);
    expect(said('ロシア　要衝を「制圧」と主張　ウクライナ軍は否定\n本文。')).toEqual(['ロシア']);
    expect(said('首都でデモ　学生ら「選挙の実施を」　大統領は拒否\n本文。')).toEqual(['学生ら']);
    expect(said('見直し「結論急がず」　首相答弁に野党は反発\n高市早苗首相は答弁した。')).toEqual([
      '首相',
    ]);
  });

  it('a mission is named with the place it is in (`東京のロシア大使館`), its country still its org', () => {
    const q = annotate('東京のロシア大使館は「根拠がない」とした。', { knowledge }).quotes[0];
    expect([q?.speaker, q?.canonical, q?.org]).toEqual([
      '東京のロシア大使館',
      'ロシア大使館',
      'ロシア',
    ]);
  });

  it('a title before 自身 and a 将校 stand as speakers (`大統領自身も`, `旅団の報道担当将校は`)', () => {
    const said = (t: string) => annotate(t, { knowledge }).quotes.map((q) => q.speaker);
    expect(said('トランプ氏は来訪した。プーチン大統領自身も「制裁は効かない」と語った。')).toEqual([
      'プーチン大統領',
    ]);
    expect(said('旅団の報道担当将校は「作り話だ」と話した。')).toEqual(['旅団の報道担当将校']);
  });

  it('Xが、 with an age in brackets is the subject, not a clause’s が (`男性(24)が、…「…」`)', () => {
    const said = (t: string) => annotate(t, { knowledge }).quotes.map((q) => q.speaker);
    expect(said('兵士の男性(24)が、取材に応じ、「帰りたくない」と語った。')).toEqual([
      '兵士の男性',
    ]);
  });

  it('a quote standing alone, then the speaker: 「…」。Xはこう訴えた', () => {
    expect(quotes('「勝利は近い」。ゼレンスキー大統領は演説でこう訴えた。')[0]).toMatchObject({
      canonical: 'ゼレンスキー',
      attribution: 'explicit',
    });
  });

  it('Xによると「…」という', () => {
    expect(quotes('ウクライナ空軍によると「無人機40機を撃墜した」という。')[0]).toMatchObject({
      kind: 'speech',
      canonical: 'ウクライナ空軍',
    });
  });

  it('reported speech without brackets, attributed to the main subject of its sentence', () => {
    const r = quotes(
      '英国防省は、A50は重要で、ロシアは再考せざるを得なくなるだろうと分析しています。',
    );
    expect(r).toEqual([
      {
        kind: 'indirect',
        text: 'A50は重要で、ロシアは再考せざるを得なくなるだろう',
        canonical: '英国国防省',
        org: '英国',
        verb: '分析しています',
        attribution: 'explicit',
      },
    ]);
    const [carried] = quotes(
      'ロシア国防省は17日、ハルキウの建物を攻撃したと発表した。発表によると、60人以上が死亡したという。',
    ).slice(1);
    expect(carried).toMatchObject({
      text: '発表によると、60人以上が死亡した',
      canonical: 'ロシア国防省',
      attribution: 'carried',
    });
  });

  it('reports an unknown speaker as unknown', () => {
    expect(quotes('「もう慣れた」と言う。')[0]).toMatchObject({
      canonical: null,
      attribution: 'unknown',
    });
  });
});

describe('extractQuotes: candidates over one discourse', () => {
  const who = (text: string) =>
    annotate(text, { knowledge, date: '2024-01-18' })
      .quotes.filter((q) => q.kind === 'speech' || q.kind === 'fragment')
      .map((q) => [q.text, q.speaker, q.canonical]);

  it('keeps the reasons for the chosen speaker, strongest first', () => {
    const [q] = annotate('ラブロフ外相は「対話は可能だ」と述べた。', { knowledge }).quotes;
    expect(q?.reasons?.[0]).toBe('topic of its clause');
    expect(q?.speakerKind).toBe('person');
  });

  it('carries the speaker across paragraphs until another one speaks', () => {
    const text =
      'ショルツ首相は演説で支援を約束した。\n\n軍の近代化にも触れた。\n\n「欧州の安全は一体だ」と強調した。\n\nマクロン大統領も「同じ考えだ」と応じた。\n\n「急がねばならない」と付け加えた。';
    expect(who(text).map((q) => q[2])).toEqual(['ショルツ', 'マクロン', 'マクロン']);
  });

  it('carries the person quoted before over a body that reported in between', () => {
    const text =
      'ゼレンスキー大統領は17日、「反撃は続く」と述べた。\n\nロシア国防省は18日、東部で攻撃を撃退したと発表した。\n\nまた「我々は諦めない」と強調した。';
    expect(who(text).map((q) => q[2])).toEqual(['ゼレンスキー', 'ゼレンスキー']);
  });

  it('keeps the body carried when the words are reported as a body reports them', () => {
    const text =
      'ゼレンスキー大統領は17日、「反撃は続く」と述べた。\n\nロシア国防省は18日、東部で攻撃を撃退したと発表した。\n\nまた「ウクライナ軍は撤退した」と伝えた。';
    expect(who(text).map((q) => q[2])).toEqual(['ゼレンスキー', 'ロシア国防省']);
  });

  it('a country after the person the sentence is about is what the words are about', () => {
    const text = 'マクロン大統領は支援を続けるとしており、フランスは「見捨てない」と強調した。';
    expect(who(text)[0]?.[2]).toBe('マクロン');
  });

  it('a country topic of a clause that is itself reported is not who speaks the words in it', () => {
    const text =
      'キム氏は会談で支援を表明した。さらに、イランは主権を守るために「覇権勢力」に立ち向かっていると称賛した。';
    expect(who(text)[0]?.[2]).toBe('キム');
  });

  it('a subject of a relative clause does not take over what the text is about', () => {
    const text =
      'チェ氏は支援を表明した。習近平氏とプーチン大統領がこの点で果たした役割を賞賛した。「勝利の日まで共に戦う」と述べた。';
    expect(who(text)[0]?.[2]).toBe('チェ');
  });

  it('the speaker heads the relative clause the verb ends, in any tense, with an age after', () => {
    const text =
      'ロシア軍は攻勢を強めている。「戦況は厳しい」と語るゼレンスキー氏(45)は支援を求めた。';
    expect(who(text)[0]?.[2]).toBe('ゼレンスキー');
  });

  it('a cleft names the speaker after a clause that tells who they are', () => {
    const text =
      'ロシア軍は攻勢を強めている。「戦況は厳しい」と話すのは、キーウに住むオレナ・イワノワさん(45)だ。';
    expect(who(text)[0]?.[2]).toBe('イワノワ');
  });

  it('a body known by its ending speaks with its abbreviation in brackets', () => {
    const text = '韓国国家情報院(NIS)は「北朝鮮兵の死傷者を確認した」と明らかにした。';
    expect(who(text)[0]?.[2]).toBe('韓国国家情報院');
  });

  it('an outlet cited as the source relays the subject after it, who carries on', () => {
    const text =
      'ゼレンスキー氏は会見した。\nロイター通信によると、ロシア国防省が東部の町を制圧したと発表した。\n「敵は撤退した」と発表した。';
    const [report, quote] = annotate(text, { knowledge }).quotes;
    expect(report).toMatchObject({ kind: 'indirect', canonical: 'ロシア国防省' });
    expect(quote).toMatchObject({ kind: 'speech', canonical: 'ロシア国防省' });
  });

  it('a headline quote that names no one is the words of whom the article is about', () => {
    const text =
      '報復を警告 「重大な結果招く」\nロシア大統領府のペスコフ報道官は17日、西側の決定を非難した。';
    const [q] = annotate(text, { knowledge }).quotes;
    expect(q).toMatchObject({ canonical: 'ペスコフ', reasons: ['main speaker of the article'] });
  });

  it('a headline’s title with its country goes to the holder the body names in a body of it', () => {
    const text = '中国報道官「双方に自制求める」\n中国外務省の毛寧報道官は17日の記者会見で述べた。';
    expect(who(text)[0]?.[2]).toBe('毛寧');
  });

  it('a role after a body and の is the source, named with its body', () => {
    const [q] = annotate('ロシア外務省の報道官によると、「協議はない」という。', {
      knowledge,
    }).quotes;
    expect(q).toMatchObject({ speaker: 'ロシア外務省の報道官', speakerKind: 'unnamed' });
  });

  it('a relation written before a name is part of how the text names the speaker', () => {
    const [q] = annotate('ナワリヌイ氏の妻ユリアさんは「夫は殺された」と訴えた。', {
      knowledge,
    }).quotes;
    expect(q).toMatchObject({ speaker: '妻ユリアさん', canonical: 'ユリア' });
  });

  it('a speech noun and its verb after the quote stand for the verb: a relative head, a cleft', () => {
    const text =
      '市街地は混乱している。「攻撃は続く」との見方を示した英国防省は、警戒を呼びかけた。「交渉は終わった」との声明を出したのはロシア外務省だ。';
    expect(who(text).map((q) => q[2])).toEqual(['英国国防省', 'ロシア外務省']);
  });

  it('a name after a speech noun used as a noun (会見で) still speaks the quote before it', () => {
    const text = '市街地は混乱している。「攻撃は続く」と、17日の会見でゼレンスキー氏は述べた。';
    expect(who(text)[0]?.[2]).toBe('ゼレンスキー');
  });

  it('a quote standing as a sentence is spoken by the topic of the next, which reports it', () => {
    const text =
      'ロシア軍は攻勢を強めている。「我々は最後まで戦い抜くつもりだ」。ゼレンスキー氏は17日の演説で述べた。';
    expect(who(text)[0]?.[2]).toBe('ゼレンスキー');
  });

  it('reads 同氏 as the person the text is about, not one named in passing', () => {
    const text =
      'ペスコフ報道官は会見した。同氏は、バイデン大統領が署名して以来の措置だと述べた。さらに同氏は「効果はない」と語った。';
    expect(who(text).map((q) => q[2])).toEqual(['ペスコフ']);
  });

  it('resolves a headline’s bare title to the holder the body names', () => {
    const text =
      'ウクライナ大統領、「春に反撃する」\nウクライナのゼレンスキー大統領は20日、演説した。';
    expect(who(text)[0]).toEqual(['春に反撃する', 'ウクライナ大統領', 'ゼレンスキー']);
  });

  it('takes a headline’s credit at its end, and a name right before the quote', () => {
    expect(who('部隊は「勢いよく」前進 十の村を奪還 ゼレンスキー氏')[0]?.[2]).toBe('ゼレンスキー');
    expect(who('外相会談を終えて、ラブロフ氏「協力を続ける」')[0]?.[2]).toBe('ラブロフ');
  });

  it('a caption line names the speaker of the quote below it', () => {
    const text = '会見の様子\nNATO ルッテ事務総長\n「同盟は揺るがない」\n会見は1時間に及んだ。';
    expect(who(text)[0]?.[2]).toBe('ルッテ');
  });

  it('a statement’s quote is its issuer’s, a report’s quote the outlet’s', () => {
    const statement = '北朝鮮外務省は声明を出した。\n声明では「敵対行為は許さない」と主張した。';
    expect(who(statement)[0]?.[2]).toBe('北朝鮮外務省');
    const article = 'ガーディアン紙が報じた。\n記事には「政府は判断を誤った」と書かれている。';
    expect(who(article)[0]?.[2]).toBe('ガーディアン');
    // … named sentences before, with the article's subject in between.
    const later =
      'ガーディアン紙が報じた。\nショルツ首相は備えが要ると指摘した。\n記事には「首相の警告は重い」と書かれている。';
    expect(who(later)[0]?.[2]).toBe('ガーディアン');
  });

  it('a statement quoted hands its issuer on, and 声明では points back to the one named', () => {
    const relayed =
      '北朝鮮は派兵を認めた。\n国営の朝鮮中央通信によると、国防委員会が26日に各紙へ送った書面声明で、これを明らかにした。\n声明では「敵を撃退した」と主張した。\nまた、作戦は「正義の勝利だ」と強調した。';
    expect(who(relayed).map((q) => q[1])).toEqual(['国防委員会', '国防委員会']);
    // Past a sentence that only reports speech, and one that uses a statement noun as a verb.
    const later =
      '国防委員会が書面声明で派兵を明らかにした。\n声明では「敵を撃退した」と主張した。\n北朝鮮によると、条約に基づき参戦を決めたと分析。\n北朝鮮はさらに「国際法に合う」と主張し、兵士が死亡した事実にも触れた。\n声明では「同盟を誇りに思う」と評価。';
    expect(who(later).at(-1)?.[1]).toBe('国防委員会');
  });

  it('a statement written bare is the one named before with its body', () => {
    const text =
      '外務省の報道官は、EU首脳会議の共同声明が中国を非難したことに反発した。\n共同声明は、輸出規制について「深刻な懸念がある」と明記していた。';
    expect(who(text).at(-1)?.[2]).toBe('EU');
  });

  it('a quote after a sentence that reports a statement is more of the statement', () => {
    const text =
      '米政府の声明によると、マクロン氏は両国に対し、港湾への攻撃を止めるよう求めた。「大統領はこの提案を歓迎した」';
    expect(who(text).at(-1)?.[1]).toBe('米政府');
  });

  it('a statement standing as the subject of the quote’s clause speaks as its body', () => {
    expect(who('EUの首脳宣言は、中国に「明確な責任」があると指摘した。')[0]?.[2]).toBe('EU');
    expect(who('ロシア外務省が発表した声明は「挑発行為だ」と非難した。')[0]?.[2]).toBe(
      'ロシア外務省',
    );
    // A statement whose report is a noun of the sentence says those words, not its topic.
    const reply =
      '中国外務省の報道官は会見で、NATO首脳会議で採択された宣言が、中国を「決定的な支援者」と表現したことについて、「強い不満」を表明した。';
    expect(who(reply).map((q) => q[1])).toEqual(['NATO', '中国外務省の報道官']);
  });

  it('a topic inside the reported clause is not the speaker', () => {
    const text = 'ペスコフ報道官は警告した。参加者は「違法」とみなされると述べた。';
    expect(who(text)[0]?.[2]).toBe('ペスコフ');
  });

  it('a body right before a quote is what the words are about when the sentence has a topic', () => {
    expect(who('ラブロフ外相は、米国が「戦争を始めた」と非難した。')[0]?.[2]).toBe('ラブロフ');
    // … or a person standing as a subject set apart by a comma before it.
    expect(who('前日にはシビハ外相が、ロシアが「時間稼ぎだ」と非難した。')[0]?.[2]).toBe('シビハ');
    expect(who('兵士が「弾が足りない」と訴えた。')[0]?.[1]).toBe('兵士');
  });

  it('a cleft names the speaker after the verb, who then carries on', () => {
    const text =
      '元高官たちは圧力を求める。「制裁を続けてくれ」と言うのはリジェンコ。「金があれば戦争は続く」';
    expect(who(text).map((q) => q[2])).toEqual(['リジェンコ', 'リジェンコ']);
  });

  it('an outlet relays who speaks: the speaker right before the quote, not the outlet', () => {
    const text = 'ロイター通信は、前線の兵士が「弾薬が足りない」と訴える声を伝えた。';
    expect(who(text)[0]?.[1]).toBe('前線の兵士');
  });

  it('speech verbs of the Diet and of rallies (data/nlp/speech.json)', () => {
    const kinds = (text: string) => annotate(text, { knowledge }).quotes.map((q) => q.kind);
    expect(kinds('野党の代表は「見通しが甘かったのではないか」とただしました。')).toEqual([
      'speech',
    ]);
    expect(kinds('党首は支持者の前で「これは始まりにすぎない」と気勢を上げた。')).toEqual([
      'speech',
    ]);
  });

  it('words in brackets after 🗣️ closing their line are the words, the lines after the poster’s', () => {
    const text =
      'ショイグ氏はテレグラムでこう続けた。\n🗣️「諸君は考えた方がいい。われわれは警告した」\n西側はまた一線を越えようとしている。🐸';
    const [q] = annotate(text, { knowledge }).quotes;
    expect(q).toMatchObject({ text: '諸君は考えた方がいい。われわれは警告した', kind: 'speech' });
    expect(q?.canonical).toBe('ショイグ');
  });

  it('a 🗣️ block after only countries named is the poster’s own words, with no speaker', () => {
    const [q] = annotate('🇩🇪ドイツも慌てて否定した。🗣️だが議論は始まっている。', {
      knowledge,
    }).quotes;
    expect(q).toMatchObject({ kind: 'speech', speaker: null, attribution: 'unknown' });
  });

  it('an unnamed source is a speaker of kind unnamed, named with the clause that tells which', () => {
    const [q] = annotate('献花に訪れた女性は「不安だ」と述べた。', { knowledge }).quotes;
    expect(q).toMatchObject({
      speaker: '献花に訪れた女性',
      canonical: null,
      speakerKind: 'unnamed',
    });
  });
});

describe('extractQuotes: the speaker as the text names them', () => {
  const speakerOf = (text: string) => annotate(text, { knowledge }).quotes[0];

  it('an unnamed role is named with the nouns before it, up to a particle or a verb', () => {
    expect(speakerOf('港町の地元住民は「魚が減った」と話した。')?.speaker).toBe('港町の地元住民');
    expect(speakerOf('匿名の当局者は「協議は難航している」と語った。')?.speaker).toBe(
      '匿名の当局者',
    );
    expect(speakerOf('会見で兵士は「眠れない」と話した。')?.speaker).toBe('兵士');
    // Letters too: `EUのある外交官`.
    expect(
      speakerOf('一方、EUのある外交官は匿名を条件に「手段は限られている」と語った。')?.speaker,
    ).toBe('EUのある外交官');
    expect(speakerOf('避難所で母親は「家に帰りたい」と話した。')?.speaker).toBe('母親');
  });

  it('a word that counts (複数の) or points back (同部隊の) is not part of a role’s name', () => {
    expect(speakerOf('複数の当局者は「協議は難航している」と語った。')?.speaker).toBe('当局者');
    expect(speakerOf('同部隊の報道官は「前線を維持している」と述べた。')?.speaker).toBe('報道官');
  });

  it('a role of a role is named with it, and with the clause before it: 徴兵された兵士の母親', () => {
    expect(speakerOf('徴兵された兵士の母親は「息子を返して」と訴えた。')?.speaker).toBe(
      '徴兵された兵士の母親',
    );
  });

  it('a bare role goes back to the same role named in full before it, as 同報道官 would', () => {
    const text =
      'フランス国防省の報道官は8日、部隊の派遣を否定した。報道官は「計画は存在しない」と述べた。';
    expect(speakerOf(text)).toMatchObject({
      speaker: 'フランス国防省の報道官',
      speakerKind: 'unnamed',
      attribution: 'coreference',
    });
  });

  it('同 before a role points back to the role named in full, not to a person named before', () => {
    const text =
      'ゼレンスキー氏は演説した。オランダ国防省の報道官は記者団に説明した。同報道官は「支援は続く」と述べた。';
    expect(speakerOf(text.replace('ゼレンスキー氏は演説した。', ''))?.speaker).toBe(
      'オランダ国防省の報道官',
    );
    const quotes = annotate(text, { knowledge }).quotes;
    expect(quotes.find((q) => q.kind === 'speech')?.speaker).toBe('オランダ国防省の報道官');
    const unitText = 'ワグネルの報道担当者は声明を出した。同担当者は「移動は計画通りだ」と述べた。';
    expect(speakerOf(unitText)?.speaker).toBe('ワグネルの報道担当者');
  });

  it('同旅団 points back to the last body ending in 旅団', () => {
    const q = speakerOf('第3強襲旅団は10日、声明を出した。同旅団は「陣地を奪還した」と発表した。');
    expect(q?.speaker).toMatch(/旅団$/u);
    expect(q?.speaker).not.toBe('同旅団');
  });

  it('a bare role with no role named in full before it stays as written', () => {
    expect(speakerOf('報道官は「計画は存在しない」と述べた。')?.speaker).toBe('報道官');
  });

  it('a given name joined by a dot before a known family name is part of how the text names them', () => {
    const q = speakerOf('オレナ・ゼレンスキー大統領夫人は「子どもたちを守って」と呼びかけた。');
    expect(q?.speaker).toBe('オレナ・ゼレンスキー大統領夫人');
  });

  it('a known family name written first, then the given name, before a title', () => {
    const q = speakerOf('ハンガリーのオルバン・ビクトル首相は「停戦が先だ」と訴えた。');
    expect(q).toMatchObject({ speaker: 'オルバン・ビクトル首相', canonical: 'オルバン' });
  });

  it('titles with a modifier (名誉教授, 主任研究員) after a kanji name; a university is a body', () => {
    const q = speakerOf('北海道大学の山田太郎名誉教授は「長期戦になる」と分析した。');
    expect(q).toMatchObject({
      speaker: '山田太郎名誉教授',
      canonical: '山田太郎',
      org: '北海道大学',
    });
    expect(speakerOf('佐藤花子主任研究員は「制裁は効いている」と述べた。')?.canonical).toBe(
      '佐藤花子',
    );
  });
});

describe('extractQuotes: who speaks among a sentence’s subjects', () => {
  const who = (text: string) => annotate(text, { knowledge }).quotes.map((q) => q.canonical);

  it('a person whose report is itself reported said the words, whatever the topic', () => {
    expect(who('外務省は、シビハ外相が「支援に感謝する」と述べたと発表した。')).toEqual(['シビハ']);
    expect(who('ゼレンスキー大統領は、プーチン氏が「交渉に応じる」と語ったと批判した。')).toEqual([
      'プーチン',
    ]);
  });

  it('a body’s own verb after a person right before the quote keeps the body as speaker', () => {
    expect(who('刑務所当局は声明で、受刑者が「突然倒れた」と説明した。')).toEqual(['刑務所当局']);
  });

  it('a body as a clause’s topic after the sentence’s person topic is what the person speaks of', () => {
    expect(who('NATOのルッテ事務総長は記者会見し、NATOは「結束している」と述べた。')).toEqual([
      'ルッテ',
    ]);
  });

  it('words quoted inside the clause of a Xが, with no と, are not that subject’s', () => {
    const text =
      '国連の新しい事務総長にポルトガルのグテレス元首相が就任した。会見では、ロシア政府が「危険な」発言を続けていると批判した。';
    const q = annotate(text, { knowledge }).quotes.find((x) => x.kind === 'fragment');
    expect(q).toMatchObject({ text: '危険な', canonical: 'グテレス' });
  });

  it('a lead that introduces a person with が makes them who the next quote is about', () => {
    const text =
      'ウクライナ軍の新しい総司令官にシルスキー氏が就任した。「敵は兵力で勝っている」と語った。';
    expect(who(text)).toEqual(['シルスキー']);
    expect(who('ロシア軍がバフムトを制圧した。「我々は撤退しない」と語った。')).toEqual([null]);
  });

  it('with no subject before, the person last named as any part of a sentence is heard', () => {
    const text =
      'ハルキウに住むマリヤ・シェフチェンコさん(41)に話を聞いた。「窓が全部割れた」と話した。';
    expect(who(text)).toEqual(['シェフチェンコ']);
    expect(who('「窓が全部割れた」と話した。')).toEqual([null]);
  });

  it('a quote standing as a sentence ends in any verb form, or a dash before its report', () => {
    const ends = annotate('大統領は次のように述べた。「我々は必ず勝つ」', { knowledge }).quotes;
    expect(ends[0]).toMatchObject({ kind: 'speech', canonical: null, speaker: '大統領' });
    const dash = annotate(
      '「窓が全部割れた」――。ハルキウに住むマリヤ・シェフチェンコさん(41)は疲れた表情で語った。',
      { knowledge },
    ).quotes;
    expect(dash[0]).toMatchObject({ kind: 'speech', canonical: 'シェフチェンコ' });
  });

  it('a quote standing alone: a cleft after こう話すのは, the next topic, a dash credit', () => {
    const name = 'オデーサに住むイワン・メルニクさん(52)';
    expect(who(`「もう逃げる場所はない」。そう話すのは、${name}だ。`)).toEqual(['メルニク']);
    expect(who(`「もう逃げる場所はない」。${name}は肩を落とした。`)).toEqual(['メルニク']);
    expect(who(`「もう逃げる場所はない」──${name}`)).toEqual(['メルニク']);
    expect(who('「もう逃げる場所はない」。港には船が並ぶ。')).toEqual([null]);
  });

  it('words with no verb after a topic are the report of a source before it', () => {
    const [q] = annotate('シルスキー総司令官によれば、敵の部隊は「補給に苦しんでいる」。', {
      knowledge,
    }).quotes;
    expect(q).toMatchObject({ kind: 'speech', canonical: 'シルスキー' });
    expect(annotate('作戦名は「オーロラ」。', { knowledge }).quotes[0]?.kind).toBe('term');
  });

  it('a statement or view put out after the quote names its issuer as the clause’s subject', () => {
    expect(who('「提案は受け入れられない」とする声明をクレムリンが出した。')).toEqual([
      'クレムリン',
    ]);
    expect(who('「交渉は長引く」との見方をペスコフ報道官が示した。')).toEqual(['ペスコフ']);
    expect(who('「その通り」という声が上がり、大統領が登場した。')).toEqual([null]);
  });

  it('a quote closing its clause with 、 ends it: each topic speaks its own words', () => {
    const text =
      '会談後、マクロン大統領は「実りがあった」、ショルツ首相は「結束は固い」とそれぞれ述べた。';
    expect(who(text)).toEqual(['マクロン', 'ショルツ']);
  });

  it('words given as someone’s account (Xの話として) are theirs, not the relaying body’s', () => {
    const speakers = (t: string) => annotate(t, { knowledge }).quotes.map((q) => q.speaker);
    expect(
      speakers('ロシアの独立系メディアは、軍関係者の話として「動員が近い」と報じた。'),
    ).toEqual(['軍関係者']);
    expect(who('国営通信は、ロシア国防省の発表として「攻撃を撃退した」と伝えた。')).toEqual([
      'ロシア国防省',
    ]);
  });

  it('both leaders (両首脳) issue the statement they are said to publish', () => {
    const text =
      'ショルツ首相は「支え続ける」と述べた。両首脳は共同声明を発表した。声明では「侵略を非難する」とした。';
    expect(annotate(text, { knowledge }).quotes.map((q) => q.speaker)).toEqual([
      'ショルツ首相',
      '両首脳',
    ]);
  });

  it('quotes standing as sentences in a row share the sentence after them that names the speaker', () => {
    expect(
      who('「最後まで戦う」。「支援に感謝する」。ゼレンスキー大統領は17日、こう訴えた。'),
    ).toEqual(['ゼレンスキー', 'ゼレンスキー']);
    expect(who('「最後まで戦う」。「支援に感謝する」。ゼレンスキー氏は演説で述べた。')).toEqual([
      'ゼレンスキー',
      'ゼレンスキー',
    ]);
  });

  it('titles of units and courts, and 閣僚 as a role', () => {
    const q = annotate('第47旅団のオレフ・コワル大隊長は「弾薬が足りない」と述べた。', {
      knowledge,
    }).quotes[0];
    expect(q).toMatchObject({ canonical: 'コワル', speakerKind: 'person' });
    expect(annotate('EUの閣僚は「制裁を続ける」と述べた。', { knowledge }).quotes[0]?.speaker).toBe(
      'EUの閣僚',
    );
  });

  it('a body after a person’s own report speaks for itself', () => {
    expect(who('ショルツ首相は「支援を続ける」と述べ、ロシアは「挑発だ」と反発した。')).toEqual([
      'ショルツ',
      'ロシア',
    ]);
  });

  it('a body that belongs to another body is named with it', () => {
    const [q] = annotate('ウクライナ国防省の情報総局は「攻撃に警戒が必要だ」としている。', {
      knowledge,
    }).quotes;
    expect(q?.speaker).toBe('ウクライナ国防省の情報総局');
  });

  it('a headline’s 「…」とX with its verb left out is speech credited to X', () => {
    const text =
      '「和平を望んでいない」とゼレンスキー氏\nウクライナのゼレンスキー大統領は10日、演説した。';
    expect(annotate(text, { knowledge }).quotes[0]).toMatchObject({
      kind: 'speech',
      canonical: 'ゼレンスキー',
    });
  });

  it('a country speaks with a government’s verbs; with a person’s verb the person the text is about does', () => {
    expect(who('ロシアは「報復する」と警告した。')).toEqual(['ロシア']);
    expect(
      who('プーチン大統領は15日、国民に向けて演説した。ロシアは「脅しには屈しない」と語った。'),
    ).toEqual(['プーチン']);
    expect(who('ロシア側は「合意はない」と話した。')).toEqual(['ロシア']);
    expect(who('中国は「対話を支持する」と述べた。')).toEqual(['中国']);
  });

  it('a country governs every report after it: one a government does not make mutes it', () => {
    const text =
      'ルカシェンコ大統領は会談に臨んだ。さらに、ロシアは西側の圧力に耐えていると称賛し、同国への「揺るぎない連帯」を表明した。';
    const bracketed = (t: string) =>
      annotate(t, { knowledge })
        .quotes.filter((q) => q.kind !== 'indirect')
        .map((q) => q.canonical);
    expect(bracketed(text)).toEqual(['ルカシェンコ']);
    expect(bracketed('ロシアは制裁は違法だと非難し、「対抗措置を取る」と表明した。')).toEqual([
      'ロシア',
    ]);
  });
});

describe('extractQuotes: speakers named at length after the quote', () => {
  const speakerOf = (text: string) => annotate(text, { knowledge }).quotes[0]?.speaker ?? null;

  it('an appositive (`X、Y氏は`) between と and the speaker still leaves the verb in reach', () => {
    expect(
      speakerOf(
        '「冬までに決着する」とベラルーシの政治評論家、ミハイル・ドブロフ氏はSNSに書き込んだ。',
      ),
    ).toBe('ミハイル・ドブロフ氏');
  });

  it('a role with three modifiers, one of them an acronym in brackets, is named in full', () => {
    expect(speakerOf('欧州連合(EU)の対外活動庁の東欧部の担当者は「支援は続く」と述べた。')).toBe(
      '欧州連合(EU)の対外活動庁の東欧部の担当者',
    );
  });

  it('a person who breaks into tears or falls silent after the words said them', () => {
    expect(speakerOf('避難してきた男性は「何も残っていない」と涙ぐんだ。')).toBe(
      '避難してきた男性',
    );
  });

  it('words said again and again are speech: と繰り返した', () => {
    expect(speakerOf('港湾局のペトロ・サフチュク局長は「船は必ず戻る」と繰り返した。')).toBe(
      'ペトロ・サフチュク局長',
    );
  });

  it('a credit in brackets is the name closing them, with what it belongs to before it', () => {
    expect(speakerOf('「補給が追いつかない」(ポーランド陸軍のヤン・ノヴァク大佐)')).toBe(
      'ヤン・ノヴァク大佐',
    );
  });

  it('after a dash, a subject pointing back with そう or こう said the words', () => {
    expect(speakerOf('「港は静まり返った」――マリナ・ボイコさんはそう振り返る。')).toBe(
      'マリナ・ボイコさん',
    );
  });

  it('after a dash, a date and place may stand between the subject and its こう', () => {
    expect(
      speakerOf(
        '「扉は開いている」――リトアニアのヨナス・ペトライティス外相は3日、会見でこう述べた。',
      ),
    ).toBe('ヨナス・ペトライティス外相');
    // Without こう the subject after the dash has words of its own.
    expect(
      speakerOf(
        '「扉は開いている」――リトアニアのヨナス・ペトライティス外相は3日、会見で質問に答えた。',
      ),
    ).not.toBe('ヨナス・ペトライティス外相');
  });

  it('an answer in parliament (答弁) reports speech', () => {
    expect(speakerOf('英国のハリス国防相は下院で「支援は続く」と答弁した。')).toBe('ハリス国防相');
  });

  it('an unnamed person whose words are reported in turn said them, not the outlet reporting it', () => {
    expect(
      speakerOf('ロシアの独立系メディアは、前線の兵士の一人が「弾が届かない」と話したと伝えた。'),
    ).toBe('前線の兵士の一人');
  });

  it('a quote standing alone, then a sentence closed by a speech verb whose subject is marked by が', () => {
    expect(
      speakerOf(
        '「秋に攻勢がある」。地元紙の取材に応じた南部方面軍のイホル・マルチェンコ司令官が明らかにした。',
      ),
    ).toBe('イホル・マルチェンコ司令官');
    // The verb must close the sentence: a report told in passing is about something else.
    expect(
      speakerOf('「秋に攻勢がある」。地元紙がマルチェンコ司令官の見方を伝えた頃から議論が始まる。'),
    ).not.toBe('地元紙');
  });

  it('a cleft names its speaker at the head of the phrase, after what it belongs to', () => {
    expect(
      speakerOf('「薬が足りない」と訴えるのは、難民支援団体の代表、カタリナ・ルス氏だ。'),
    ).toBe('カタリナ・ルス氏');
  });

  it('the quote’s own report is not the clause telling which person said it', () => {
    expect(speakerOf('「道路が壊れた」と話す女性は、昨日村を出た。')).toBe('女性');
  });

  it('こう before any verb in the next sentence points back to a quote standing alone', () => {
    expect(speakerOf('「再建に20年はかかる」。国連の担当者はこう見積もる。')).toBe('国連の担当者');
    // A sentence pointing ahead that a quote follows at once announces that one; そう points back.
    const ahead =
      '「支持は続く」と山本教授は分析する。「崩れれば反動も大きい」\n与党の議員の一人は匿名を条件にこう明かした。「党の支持率は上がっていない」';
    expect(annotate(ahead, { knowledge }).quotes.map((q) => q.speaker)).toEqual([
      '山本教授',
      '山本教授',
      '与党の議員の一人',
    ]);
    // `こうした推計` (such estimates) points to no words.
    const such =
      '英国防省は分析を公表した。分析はまた、ロシアが一時金を「年収の数倍」の水準まで引き上げたとした。\nロシア国防省はこうした推計について、「宣伝だ」と反論した。';
    const fragment = annotate(such, { knowledge }).quotes.find((q) => q.kind === 'fragment');
    expect(fragment?.speaker).toBe('英国防省');
  });

  it('words quoted in a report closed by という are the source’s, not the topic’s', () => {
    const [q] = annotate('英国防省によると、ロシア軍は「大規模な増援」を送っているという。', {
      knowledge,
    }).quotes.filter((x) => x.kind === 'fragment');
    expect(q?.speaker).toBe('英国防省');
  });

  it('a senior fellow of a foundation and a ministry’s press department speak as named', () => {
    expect(speakerOf('東西研究財団の上席研究員は「支援疲れが広がる」と指摘した。')).toBe(
      '東西研究財団の上席研究員',
    );
    expect(speakerOf('ロシア国防省報道部は「無人機を撃墜した」と発表した。')).toBe(
      'ロシア国防省報道部',
    );
  });

  it('a person of someone’s, named by a noun after の, is not that someone', () => {
    expect(speakerOf('シュミット氏の盟友は「譲歩はない」と述べた。')).toBe('シュミット氏の盟友');
    expect(speakerOf('ナワリヌイ氏の支援者は「釈放を求める」と訴えた。')).toBe(
      'ナワリヌイ氏の支援者',
    );
    // A name with its title after の stays a named person.
    expect(speakerOf('韓国国防省の金恩姫報道官は「注視している」と述べた。')).toBe('金恩姫報道官');
  });

  it('a broadcaster named by its form speaks', () => {
    expect(speakerOf('「国境は安全だ」とセルビア国営テレビは伝えた。')).toBe('セルビア国営テレビ');
  });

  it('an unnamed official of a named leader is the official, not the leader', () => {
    expect(speakerOf('「準備はできている」とマクロン政権高官は語った。')).toBe('マクロン政権高官');
    expect(speakerOf('メルツ首相の側近は「結論は急がない」と述べた。')).toBe('メルツ首相の側近');
  });
});

describe('extractQuotes: the speaker as the text names them, in full', () => {
  const speakers = (text: string) =>
    annotate(text, { knowledge, date: '2024-01-18' }).quotes.map((q) => ({
      speaker: q.speaker,
      canonical: q.canonical,
    }));

  it('a clause before a role with what it belongs to tells which one it is', () => {
    expect(
      speakers('東部の前線で戦う旅団の報道担当者は「補給が滞っている」と語った。')[0],
    ).toMatchObject({ speaker: '東部の前線で戦う旅団の報道担当者' });
    expect(
      speakers('衛星写真を解析した民間企業の分析担当者は「陣地が広がっている」と指摘した。')[0],
    ).toMatchObject({ speaker: '衛星写真を解析した民間企業の分析担当者' });
  });

  it('a clause before この and a role names it in full, not as the role named before', () => {
    const text =
      '塹壕では別の兵士が地図を広げていた。以前は港で漁師をしていたというこの兵士は、「潮の読み方が役に立つ」と話した。';
    expect(speakers(text)[0]).toMatchObject({
      speaker: '以前は港で漁師をしていたというこの兵士',
      canonical: null,
    });
  });

  it('of two clauses stacked before a role, the one right before it names it', () => {
    expect(speakers('会場の隅にいた南米から来た学生は「来てよかった」と話した。')[0]).toMatchObject(
      { speaker: '南米から来た学生' },
    );
    expect(
      speakers('説明を受けた外交委員会の筆頭理事を務める議員は「遅すぎる」と述べた。')[0],
    ).toMatchObject({ speaker: '外交委員会の筆頭理事を務める議員' });
    // A verb that works as a postposition ends no clause.
    expect(
      speakers('ロシア軍による砲撃を受けた団地の住民は「眠れない」と話した。')[0],
    ).toMatchObject({ speaker: 'ロシア軍による砲撃を受けた団地の住民' });
  });

  it('a clause after a mark that opens a paragraph starts after the mark', () => {
    expect(speakers('◆工場で働く男性は「給料は上がった」と話した。')[0]).toMatchObject({
      speaker: '工場で働く男性',
    });
  });

  it('a mission abroad is named with where it is (在日, 在ＥＵ)', () => {
    expect(speakers('在日ロシア大使館はSNSで「挑発には応じない」と投稿した。')[0]).toMatchObject({
      speaker: '在日ロシア大使館',
      canonical: '在日ロシア大使館',
    });
    expect(speakers('在ＥＵ中国代表部の報道官は「根拠のない非難だ」と述べた。')[0]).toMatchObject({
      speaker: '在ＥＵ中国代表部の報道官',
    });
    // Not a mission: 在 inside a word.
    expect(speakers('現在日本政府は「検討中だ」と説明した。')[0]?.speaker).not.toContain('在');
  });

  it('a body of a city or country written with の is named with it', () => {
    expect(speakers('ドネツク市の軍政当局は「外出を控えてほしい」と呼びかけた。')[0]).toMatchObject(
      { speaker: 'ドネツク市の軍政当局', canonical: 'ドネツク市軍政当局' },
    );
    expect(
      speakers(
        'ゼレンスキー大統領は会見した。一方、ポーランドの軍は「領空侵犯はなかった」としている。',
      )[0],
    ).toMatchObject({ canonical: 'ポーランド軍' });
  });

  it('an indefinite speaker and one of a group are named so', () => {
    expect(speakers('会談について、ある外交筋は「合意は近い」と明かした。')[0]).toMatchObject({
      speaker: 'ある外交筋',
    });
    expect(
      speakers('ロシアの軍事ブロガーの１人は「弾薬が足りない」と書き込んだ。')[0],
    ).toMatchObject({ speaker: 'ロシアの軍事ブロガーの１人' });
  });

  it('a name in brackets after the noun it names is part of the phrase; so is たち', () => {
    // The name in brackets is a term; the words after it are the member's.
    expect(
      speakers('法案を提出した与党「統一ロシア」の議員は「国を守る措置だ」と述べた。')[1],
    ).toMatchObject({ speaker: '法案を提出した与党「統一ロシア」の議員' });
    const [, soldiers] = speakers(
      '住民の一人は「もう数えない」と話した。\n前線の兵士たちは、口をそろえて「霧の朝だけが安全だ」と言う。',
    );
    expect(soldiers).toMatchObject({ speaker: '前線の兵士たち' });
  });

  it('an age before a role, the acronym after a body and a family are part of how they are named', () => {
    expect(speakers('工場で働く２２歳の女性技術者は「兄は前線にいる」と話した。')[0]).toMatchObject(
      { speaker: '工場で働く２２歳の女性技術者' },
    );
    expect(
      speakers('ロシア連邦保安局（ＦＳＢ）は、男性が「情報を集めていた」と発表した。')[0],
    ).toMatchObject({ speaker: 'ロシア連邦保安局（ＦＳＢ）' });
    expect(
      speakers('男性の家族は弁護士を通じて「夫は無実だ」とのコメントを出した。')[0],
    ).toMatchObject({ speaker: '男性の家族' });
  });

  it('words dismissed (と切り捨てた) or a discontent shown (と不満を示した) are speech', () => {
    const text =
      'ペスコフ大統領報道官は、動きを「根拠のない被害妄想」と切り捨てた。そのうえで「装備は届いていない」と不満を示した。';
    expect(quotes(text).map((q) => [q.kind, q.canonical])).toEqual([
      ['speech', 'ペスコフ'],
      ['speech', 'ペスコフ'],
    ]);
  });

  it('a word for people inside a body’s name does not cut it (捕虜待遇調整本部)', () => {
    expect(
      speakers(
        'ウクライナの捕虜待遇調整本部によると、双方が解放した。同本部は声明で「交渉を続ける」とした。',
      )[0],
    ).toMatchObject({ speaker: 'ウクライナの捕虜待遇調整本部' });
  });

  it('ある between a role and what it belongs to is part of its name', () => {
    expect(
      speakers('北大西洋条約機構（ＮＡＴＯ）のある当局者は「規模は大きい」と述べた。')[0],
    ).toMatchObject({ speaker: '北大西洋条約機構（ＮＡＴＯ）のある当局者' });
  });

  it('an apposition between ＝ after a name leaves the name the subject', () => {
    expect(
      speakers('ミハイル・オルロフ氏＝元外交官＝は取材に「交渉の余地はない」と語った。')[0],
    ).toMatchObject({ canonical: 'オルロフ' });
  });

  it('a word never a name before a title is no person (国営テレビ記者 in an apposition)', () => {
    expect(
      speakers(
        'モスクワで独立系メディアを運営するアンナ・ペトロワ氏＝元国営テレビ記者＝は取材に応じ、「記事は自分で消している」と語った。',
      )[0],
    ).toMatchObject({ canonical: 'ペトロワ' });
  });

  it('a staff office (幕僚監部) is a body by its ending, and its announcement speaks for it', () => {
    expect(
      speakers(
        '防衛省統合幕僚監部は１９日、爆撃機２機が飛行したと発表した。空自は戦闘機を発進させた。領空侵犯はなかった。\n発表は「示威行動と考えられる」としている。',
      )[0],
    ).toMatchObject({ canonical: '防衛省統合幕僚監部' });
  });

  it('an announcement as the subject speaks for whoever made it', () => {
    expect(
      speakers(
        'ウクライナ国防省は12日、演習を実施したと発表した。発表は「計画通りの訓練だ」としている。',
      )[0],
    ).toMatchObject({ canonical: 'ウクライナ国防省' });
  });
});

describe('extractQuotes: how far a speaker carries', () => {
  it('a blank line between sentences is no sentence of its own', () => {
    const text =
      '「燃料代だけで売り上げの半分が消える」\n\nこう語るのは、商店を営むオレナ・コバリさんだ。\n\n先月から停電が続く。\n\n店の棚には電池が並ぶが、「仕入れ値は２倍だ」という。';
    expect(quotes(text).map((q) => q.canonical)).toEqual(['コバリ', 'コバリ']);
  });

  it('a source named between two quotes (Xに言わせれば) takes the second', () => {
    const text =
      'リジェンコ氏は「圧力をかけ続けてほしい」と訴えた。\n\nハーラ氏に言わせれば、撤収は方便にすぎない。「合意は守られない」';
    expect(quotes(text).map((q) => q.canonical)).toEqual(['リジェンコ', 'ハーラ']);
  });
});

describe('findBrackets', () => {
  it('keeps the outermost pairs, each with those nested in it, and survives unbalanced brackets', () => {
    expect(findBrackets('「a『b』」と「c')).toEqual([
      { open: 0, close: 5, inner: [{ open: 2, close: 4 }] },
    ]);
    expect(findBrackets('『「a」『b「c」』』「d」')).toEqual([
      {
        open: 0,
        close: 10,
        inner: [
          { open: 1, close: 3 },
          { open: 4, close: 9, inner: [{ open: 6, close: 8 }] },
        ],
      },
      { open: 11, close: 13 },
    ]);
    expect(findBrackets('」」「「x」')).toEqual([{ open: 3, close: 5 }]);
    expect(findBrackets('「a』b」')).toEqual([{ open: 0, close: 4 }]);
  });
});

describe('extractQuotes: words that come from someone other than the sentence topic', () => {
  const speakers = (text: string) =>
    annotate(text, { knowledge })
      .quotes.filter((q) => q.kind !== 'indirect')
      .map((q) => q.speaker);

  it('a question put by someone named with から is theirs (`と質問されると`)', () => {
    expect(
      speakers(
        '記者から「他の国も対象になるのか」と質問されると、大統領は「例外はない」と答えた。',
      ),
    ).toEqual(['記者', '大統領']);
  });

  it('voices rising from somewhere are of those named there (`からは「…」という声が上がった`)', () => {
    expect(speakers('首相が演説を終えると、会場からは「その通りだ」という声が上がった。')).toEqual([
      '会場',
    ]);
    expect(speakers('住民からも「もう限界だ」との声が相次いだ。')).toEqual(['住民']);
  });

  it("a person's camp, team or government speaks as a body, and 同チーム points back to it", () => {
    expect(speakers('トランプ陣営は「不正だ」と反論した。')).toEqual(['トランプ陣営']);
    expect(speakers('バイデン政権は「容認できない」と述べた。')).toEqual(['バイデン政権']);
    expect(
      speakers(
        '監視団体が記録を始めた。ナワリヌイ氏のチームはデモを呼び掛けた。同チームは「戦い続ける」と投稿した。',
      ).at(-1),
    ).toBe('ナワリヌイ氏のチーム');
    // A word written on after the group leaves the group as whose official it is.
    expect(speakers('バイデン政権高官は「容認できない」と述べた。')).toEqual(['バイデン政権高官']);
  });

  it('a body named in brackets after its kind is a body; 同団体 and its analysis point back to it', () => {
    expect(speakers('人権団体「ザリャ」は「政治的な報復だ」と批判した。').at(-1)).toBe('ザリャ');
    const text =
      '人権団体「ザリャ」の弁護士は「判決は不当だ」と話した。同団体の最新の分析も「弾圧は強まった」と指摘している。';
    expect(speakers(text).at(-1)).toBe('ザリャ');
    // Words said on a headline are no body's name.
    expect(speakers('情報機関「北朝鮮、追加派遣」')).toEqual(['情報機関']);
  });

  it('the head of a body no list has, known by its ending, speaks as its title', () => {
    expect(speakers('防衛装備庁長官は「調達を急ぐ」と述べた。')).toEqual(['防衛装備庁長官']);
    expect(speakers('会議長官は「調達を急ぐ」と述べた。')).toEqual([null]);
  });

  it('the subject of a report made a noun of the sentence said its words, not the topic', () => {
    expect(
      speakers(
        'ザハロワ報道官は会見で、日本政府が北方領土をめぐり「不法占拠」という表現を使っていることについて「歴史の書き換えだ」と反発した。',
      ),
    ).toEqual(['日本政府', 'ザハロワ報道官']);
  });
});

describe('extractQuotes: who the text is about, carried to words with no subject', () => {
  const speakers = (text: string) =>
    annotate(text, { knowledge })
      .quotes.filter((q) => q.kind !== 'indirect')
      .map((q) => q.canonical ?? q.speaker);

  it('the one a cleft sentence ends on (`こう話すのは…Yさんだ`) is carried to later words', () => {
    expect(
      speakers(
        '「店は閉めない」\nこう話すのは、市内で店を営むハンナ・ボイコさん（５２）だ。\n前線までは約３０キロ。客足は半分に落ちた。\nそれでも店は続ける。「ここしか買い物に行ける場所がない」',
      ),
    ).toEqual(['ボイコ', 'ボイコ']);
  });

  it('a quote standing alone is of the one its report heads in the next sentence (`そう語る母親`)', () => {
    expect(
      annotate('「息子は帰ってこない」。そう語る母親の目には涙が浮かんでいた。', { knowledge })
        .quotes[0]?.speaker,
    ).toBe('母親');
  });

  it('answers on the lines after questions are of whom the questions are put to', () => {
    expect(
      speakers(
        '防衛研究所の山田太郎研究員に聞いた。\n――戦況をどう見るか。\n「ロシアが優勢だ」\n――プーチン氏の狙いは。\n「長期戦に持ち込むことだ」',
      ),
    ).toEqual(['山田太郎', '山田太郎']);
    // A name inside a short answer is no one carried to the next.
    expect(
      speakers('――戦況をどう見るか。\n「ロシアが優勢だ」\n――今後は。\n「長期戦になる」'),
    ).toEqual([null, null]);
  });

  it('a name someone goes by (`コールサイン「X」を名乗る`, `Xとだけ名乗り`) is that person’s wherever written', () => {
    expect(
      speakers(
        '「外に出るのは夜だけだ」\n無人機操縦士で、コールサイン「ボルト」を名乗る32歳の兵士はそう話した。\n取材の終わりに、ボルトは空を見上げた。「この音は消えない」',
      ),
    ).toEqual(['ボルト', null, 'ボルト']); // the call sign in brackets is a term
    expect(
      speakers(
        '男性はアンドリー（３１）とだけ名乗った。\n取材の終わりに、アンドリーは空を見上げた。「帰りたい」',
      ),
    ).toEqual(['アンドリー']);
  });

  it('a lead quote closed by a dash and a full stop is the next sentence’s person’s', () => {
    expect(
      speakers(
        '【キーウ共同】「信じられなかった」――。帰国した兵士の母親、リュドミラ・コワリさん（５８）は、病院の前で涙を拭った。',
      ),
    ).toEqual(['コワリ']);
  });

  it('a common katakana word after a middle dot is what the title is of (Jiji style)', () => {
    expect(
      speakers('セルゲイ・ボロトニコフ・エネルギー次官は「市場は混乱する」と述べた。'),
    ).toEqual(['ボロトニコフ']);
  });

  it('同相 and a bare title are the person the text is about, not one of that title named in passing', () => {
    expect(
      speakers(
        'ロシアのラブロフ外相は会見で「前進はある」と述べた。前日にはウクライナのシビハ外相が非難しており、米国のウィトコフ特使も訪れる予定だ。質問も出た。同相は「欧州は盗んでいる」と警告した。',
      ),
    ).toEqual(['ラブロフ', 'ラブロフ']);
    expect(
      speakers(
        'ゼレンスキー大統領は会見で「冬が来る」と述べた。トランプ大統領がプーチン大統領と会談する意向についても質問が出た。大統領は「我々抜きでは決められない」と強調した。',
      ),
    ).toEqual(['ゼレンスキー', 'ゼレンスキー']);
  });

  it('a body written bare after its full name is that body (`ロシア国防省` … `国防省`, `同省`)', () => {
    expect(
      speakers(
        'ロシア国防省は２日、撃墜したと発表した。国防省によると、攻撃は州に及んだ。同省は「テロ攻撃だ」と非難した。',
      ),
    ).toEqual(['ロシア国防省']);
    expect(speakers('国防省は「テロ攻撃だ」と非難した。')).toEqual(['国防省']);
  });

  it('a short body standing alone as a subject is the body it shortens, else itself (`空軍は`)', () => {
    expect(
      speakers(
        'ウクライナ空軍によると、無人機が飛来した。ゼレンスキー大統領は演説した。空軍は「40機を撃墜した」と発表した。',
      ),
    ).toEqual(['ウクライナ空軍']);
    expect(speakers('男は逮捕された。警察は「動機を調べている」と述べた。')).toEqual(['警察']);
    // Inside a longer word it is no body of its own.
    expect(speakers('自治政府は「住民投票を実施する」と述べた。')).toEqual(['自治政府']);
  });

  it('a bare title names the holder of a title ending in it (`知事` of `州知事`)', () => {
    expect(
      speakers(
        'スムイ州のボロディミル・ナザレンコ州知事は「攻撃は続く」と述べた。国境の集落については、知事は「今残ることは勇気ではない」と訴えた。',
      ),
    ).toEqual(['ナザレンコ', 'ナザレンコ']);
  });
});

describe('extractQuotes: phrases that name a speaker, as the text names them', () => {
  const said = (text: string) =>
    annotate(text, { knowledge })
      .quotes.filter((q) => q.kind !== 'indirect' && q.kind !== 'term')
      .map((q) => q.speaker);

  it('a claim named after the quote is of whom it belongs to (`Xの「…」という主張`, `Xが繰り返す「…」という要求`)', () => {
    expect(
      said(
        '英国の国連次席大使は、ロシア側の「防空ミサイルが落ちた」という主張を退け、「破片はロシア製だ」と述べた。',
      ),
    ).toEqual(['ロシア側', '英国の国連次席大使']);
    expect(
      said(
        'ゼレンスキー氏は、プーチン大統領が繰り返す「根本原因の除去」という要求に触れ、「国家の否定だ」と批判した。',
      ),
    ).toEqual(['プーチン大統領', 'ゼレンスキー氏']);
  });

  it('one of those named before is named as the text names them (`関係者の1人`)', () => {
    expect(
      said('協議を知る関係者3人が明らかにした。関係者の1人は「歳入が止まった」と語った。'),
    ).toEqual(['関係者の1人']);
  });

  it('a compound title written with a middle dot is one title (`国家安全保障・国防会議書記`)', () => {
    expect(
      annotate('ウクライナのウメロフ国家安全保障・国防会議書記は「チームを作る」と述べた。', {
        knowledge,
      }).quotes[0]?.canonical,
    ).toBe('ウメロフ');
  });

  it('a spokesman topic is not passed over for a person topic after it', () => {
    expect(
      said('米国務省の報道官は、ハーパー被告は「不当に拘束されている」とし、釈放を求めた。'),
    ).toEqual(['米国務省の報道官']);
  });

  it('voices listed one a line are of whom opens each line, before the words', () => {
    expect(
      said('３　避難者の声\n　市内の介護施設で働く女性（４１）「仕事に慣れてきました。」\n'),
    ).toEqual(['市内の介護施設で働く女性']);
  });

  it('words for trades in katakana are roles (`石油トレーダー`, `オペレーター`)', () => {
    expect(
      said('ムンバイの石油トレーダーは、ロイターに対し「減らす計画はない」と語った。'),
    ).toEqual(['ムンバイの石油トレーダー']);
  });

  it('a country’s soldiers written with 兵 are a role of that country, not 派兵 nor 兵器', () => {
    expect(said('捕虜となった北朝鮮兵は「韓国に行きたい」と話した。')).toEqual([
      '捕虜となった北朝鮮兵',
    ]);
    expect(annotate('ロシア兵は「撃つな」と叫んだ。', { knowledge }).quotes[0]?.org).toBe('ロシア');
    expect(said('北朝鮮の派兵について、ロシアは「兵器は送っていない」と述べた。')).toEqual([
      'ロシア',
    ]);
  });

  it('a sentence closing on a name after the quote’s と, with no verb, names its speaker', () => {
    expect(said('「交渉の余地はない」とラブロフ外相。')).toEqual(['ラブロフ外相']);
    expect(said('会見は短かった。「怖かった」とキーウ市民のマリアさん（３４）。')).toEqual([
      'マリアさん',
    ]);
    // Two terms joined by と are no one's words.
    expect(annotate('「平和」と「自由」を求めた。', { knowledge }).quotes[0]?.speaker).toBeNull();
  });

  it('nouns joined by や tell which ones together', () => {
    expect(said('北欧やバルト諸国の首脳は「時間は長くない」と訴えた。')).toEqual([
      '北欧やバルト諸国の首脳',
    ]);
  });

  it('a cleft names the head of a long noun phrase before its copula', () => {
    expect(
      said(
        '「サイレンが聞こえる」と話すのは、ウクライナ北東部ハルキウから避難し、福岡市で暮らすユリア・サウチェンコさん（２９）だ。',
      ),
    ).toEqual(['ユリア・サウチェンコさん']);
  });

  it('a side set apart from the clause it reports says the words with a government’s verb', () => {
    expect(
      said(
        '技術者の高城氏は「人手が課題だ」と話した。ロシア側は、無人機攻撃はウクライナの「自作自演」だと主張している。',
      ),
    ).toEqual(['高城氏', 'ロシア側']);
    // A country inside the clause reported is what the words are about, not who says them.
    expect(
      said(
        'カラムルザ氏は米国で暮らす。インタビューで、ロシアは「殺人者の政権」によって運営されていると非難していた。',
      ),
    ).toEqual(['カラムルザ氏']);
  });

  it('an unnamed person who is the topic of a sentence is carried to words with no subject', () => {
    expect(
      said(
        'コワリさんの母親（６１）は、集合住宅に一人で住む。避難を勧めても「生まれた街で死ぬ」と言って譲らないという。',
      ),
    ).toEqual(['コワリさんの母親']);
    // …and stays the one carried, not the person named before them.
    expect(
      said(
        '「母は大丈夫と言う」と話すのは、福岡市で暮らすユリア・コワリさん（２９）だ。コワリさんの母親（６１）は、一人で住む。避難を勧めても「生まれた街で死ぬ」と言って譲らないという。',
      ).at(-1),
    ).toBe('コワリさんの母親');
  });
});

describe('extractQuotes: the same page however its paragraphs are set apart', () => {
  const said = (text: string) =>
    annotate(text, { knowledge }).quotes.map((q) => `${q.speaker ?? '-'}「${q.text}」`);

  it('a caption line names the quote below it across a blank line', () => {
    const lines = [
      '変電所に被害、市内で停電続く',
      '住宅が被害を受けた男性',
      '「夜中に窓が割れた。子どもたちは地下室で朝を待った」',
      'オデーサ州 コヴァリョフ知事',
      '「復旧には少なくとも三日かかる」',
    ];
    const tight = said(lines.join('\n'));
    expect(tight).toEqual([
      '住宅が被害を受けた男性「夜中に窓が割れた。子どもたちは地下室で朝を待った」',
      'コヴァリョフ知事「復旧には少なくとも三日かかる」',
    ]);
    expect(said(lines.join('\n\n'))).toEqual(tight);
  });

  it('quotes in paragraphs of their own, one after another, share the speaker named before them', () => {
    const lines = [
      '港湾都市で船会社を営むタラス・ヘルマン氏に、黒海の航路について聞いた。',
      '「保険料は去年の三倍になった。それでも船は出す」',
      '「荷主が待っているからだ。穀物が港に積み上がっている」',
      '「一番怖いのは機雷だ。見えない相手とは交渉できない」',
    ];
    const tight = said(lines.join('\n'));
    expect(tight.every((s) => s.startsWith('タラス・ヘルマン氏「'))).toBe(true);
    expect(said(lines.join('\n\n'))).toEqual(tight);
  });

  it('a headline credited to a speaker before a date in full-width digits', () => {
    const head = (digits: string) =>
      said(`制裁延長は「受け入れない」＝記者会見で―ロシア外務次官 ${digits}\n本文は省略する。`);
    expect(head('2026年11月04日 09時15分')).toEqual(['ロシア外務次官「受け入れない」']);
    expect(head('２０２６年１１月０４日 ０９時１５分')).toEqual(['ロシア外務次官「受け入れない」']);
  });

  it('a person first named with a title is the speaker where the name stands bare again', () => {
    expect(
      said(
        '国際関係が専門のミロスラフスキー氏は、冬の攻撃が続くと予測する。一方、プーチン大統領は強気の姿勢を崩していない。「電力網の再建には数年かかる」とミロスラフスキーは語った。',
      ).at(-1),
    ).toBe('ミロスラフスキー「電力網の再建には数年かかる」');
  });
});

describe('extractQuotes: words between the quotative と and its verb', () => {
  const said = (text: string) =>
    annotate(text, { knowledge }).quotes.map((q) => `${q.speaker ?? '-'}「${q.text}」${q.verb}`);

  it('where the words were said (`記者団に`) leaves the verb and the speaker as they were', () => {
    expect(
      said(
        'クズネツォフ報道官は「交渉の扉は閉じていない」と記者団に強調し、ロシア側は相手の出方を見守っていると述べた。',
      )[0],
    ).toBe('クズネツォフ報道官「交渉の扉は閉じていない」強調し');
    // A country speaks with a government's verb, however the verb is reached.
    expect(
      said(
        'ノルウェー外務省のハルヴォルセン報道官は「対話を支持する」と述べた。ノルウェーは先月の声明でも「人道回廊の設置を急ぐべきだ」と記者団に指摘していた。',
      )[1],
    ).toBe('ノルウェー「人道回廊の設置を急ぐべきだ」指摘していた');
  });

  it('a report closed by its verb after a setting ends its clause: the next topic speaks next', () => {
    expect(
      said(
        'アルバレス外相は「協力すれば利益を得る」と記者団に対し述べ、ハーゲン外相は「素晴らしい関係だ」と応じた。',
      ),
    ).toEqual([
      'アルバレス外相「協力すれば利益を得る」述べ',
      'ハーゲン外相「素晴らしい関係だ」応じた',
    ]);
  });

  it('a cleft after `記者団に語った` names the speaker after the copula', () => {
    expect(
      said('「配給の列は毎朝長くなる」と記者団に語ったのは、避難所を運営する団体の女性職員だ。'),
    ).toEqual(['避難所を運営する団体の女性職員「配給の列は毎朝長くなる」語った']);
  });
});

describe('extractQuotes: subjects inside a clause that names another', () => {
  const said = (text: string) => annotate(text, { knowledge }).quotes.map((q) => q.speaker);

  it('the subject of a relative clause before the speaker is not the speaker', () => {
    expect(
      said(
        '占領地域では、ロシアが任命した「市長」のサリニコフ氏が、停電はウクライナの攻撃によるものだと主張し「挑発には断固対応する」と強調した。',
      ).at(-1),
    ).toBe('サリニコフ氏');
  });

  it('a full name with no title speaks a long quote before its verb', () => {
    expect(
      said(
        '電力網の専門家、オレクシー・ストロジュクは「発電所の半分がすでに損傷を受けた。冬の間に修理できるのはそのごく一部で、停電は春まで続くだろう」と語った。',
      ),
    ).toEqual(['オレクシー・ストロジュク']);
  });
});

describe('extractQuotes: a title written before the name', () => {
  const canonicals = (text: string) => annotate(text, { knowledge }).quotes.map((q) => q.canonical);

  it('`報道官のX氏` holds the title: `同報道官` later is that person', () => {
    expect(
      canonicals(
        'カナダ国防省の報道官のブルックフィールド氏は会見で、追加の支援を検討していると述べた。同報道官は「詳細はまだ明かせない」と語った。',
      ).at(-1),
    ).toBe('ブルックフィールド');
  });

  it('`外相のX氏` is the one `同相` points back to, past another minister named in passing', () => {
    expect(
      canonicals(
        'ノルウェーの外相のハウゲン氏は記者会見を開いた。前日にはフィンランドのビルタネン外相が声明を出していた。同相は「北極圏の安全は譲れない」と強調した。',
      ),
    ).toEqual(['ハウゲン']);
  });
});

describe('extractQuotes: pages as they are captured', () => {
  const said = (text: string) =>
    annotate(text, { knowledge }).quotes.map((q) => `${q.speaker ?? '-'}「${q.text}」`);

  it('a related-link line’s bullet is not part of the speaker', () => {
    expect(
      said('本文は省略する。\n【関連記事】\n・ヘルソン住民「水が届かない」　給水車なお不足'),
    ).toEqual(['ヘルソン住民「水が届かない」']);
  });

  it('a veteran member of a party is a role, named with the party', () => {
    expect(
      said('保守党のベテラン下院議員は地元紙の取材に「党首選は避けられない」と語った。'),
    ).toEqual(['保守党のベテラン下院議員「党首選は避けられない」']);
  });

  it('a channel or blogger named in brackets after what it is speaks as a body', () => {
    const q = annotate(
      'ロシアの軍事ブロガー「セーヴェルヌイ・ヴェーテル」はテレグラムで、攻撃は「燃料庫」を狙ったものだと主張した。',
      { knowledge },
    ).quotes.find((x) => x.text === '燃料庫');
    expect(q?.canonical).toBe('セーヴェルヌイ・ヴェーテル');
  });

  it('a wire headline’s tail naming two countries is its topic, not who spoke', () => {
    expect(
      said('捕虜２００人ずつ交換＝ゼレンスキー氏「全員を取り戻す」―ロシア・ウクライナ\n本文。'),
    ).toEqual(['ゼレンスキー氏「全員を取り戻す」']);
  });

  it('a headline quote is the words of the caption that says them in a TV script', () => {
    const text = [
      '「水道も止まった」ドニプロで停電続く',
      '',
      '市内では停電が続いています。',
      '',
      '集合住宅に住む ハリナ・ボイコさん',
      '「水道も止まった。バケツで水を運んでいます」',
    ].join('\n');
    expect(said(text)[0]).toBe('ハリナ・ボイコさん「水道も止まった」');
  });

  it('a party leader named with the party between name and title is the topic that speaks', () => {
    expect(
      said('金正恩朝鮮労働党総書記は帰還した部隊を前に演説し、「功績は永遠に輝く」とたたえた。'),
    ).toEqual(['金正恩朝鮮労働党総書記「功績は永遠に輝く」']);
  });
});

describe('extractQuotes: how far back a speaker is found in a long article', () => {
  const said = (text: string) =>
    annotate(text, { knowledge })
      .quotes.filter((q) => q.kind === 'speech')
      .map((q) => `${q.canonical ?? q.speaker ?? '-'}「${q.text}」`);
  // Sentences that name no one and report nothing, as a long article has between its voices.
  const filler = (n: number) =>
    Array.from({ length: n }, (_, i) => `港では${i + 1}隻目の貨物船が荷揚げを待っている。`).join(
      '',
    );

  it('`同相` is the minister the article is about, past a minister named in passing long after', () => {
    const text = [
      'ポルトガルのメンデス外相は会見を開き、和平案への支持を表明した。',
      filler(5),
      '前日にはスペインのロペス外相が声明を出していた。',
      filler(5),
      '同相は「対話の扉は開いている」と強調した。',
    ].join('\n');
    expect(said(text)).toEqual(['メンデス「対話の扉は開いている」']);
  });

  it('a quote with no subject is the words of the person last named a few sentences before', () => {
    const text = [
      '港湾都市で倉庫を営むボフダン・クリメンチュク氏に、冬の物流について聞いた。',
      filler(2),
      '「燃料の値段は去年の倍になった。それでも船は来る」',
    ].join('\n');
    expect(said(text)).toEqual([
      'クリメンチュク「燃料の値段は去年の倍になった。それでも船は来る」',
    ]);
  });

  it('a role written bare is the one named in full, many sentences before', () => {
    const text = [
      '東部の前線で戦う旅団の報道担当者は、敵の攻撃が増えていると説明した。',
      filler(8),
      '報道担当者は「弾薬はまだ足りない」と語った。',
    ].join('\n');
    expect(said(text)).toEqual(['東部の前線で戦う旅団の報道担当者「弾薬はまだ足りない」']);
  });
});

describe('extractQuotes: interviews', () => {
  it('a pronoun in an answer points to the person the question names', () => {
    const text = [
      '――ロシア側の姿勢は。',
      '中村　プーチン大統領は「譲歩はない」と繰り返しています。',
      '――ゼレンスキー大統領の側は。',
      '中村　彼も国内向けに「一歩も引かない」と語ってきました。',
    ].join('\n');
    const q = annotate(text, { knowledge }).quotes.find((x) => x.text === '一歩も引かない');
    expect(q?.canonical).toBe('ゼレンスキー');
  });
});

describe('classifyQuote: a verb’s stem inside a longer noun', () => {
  it('`弁護人` and `説明会` after と are nouns: the name after them speaks', () => {
    const q = annotate('「控訴する」と弁護人のコヴァルスカ氏は述べた。', { knowledge }).quotes[0];
    expect(q?.canonical).toBe('コヴァルスカ');
  });

  it('a document of speech after とする still reports the words (`とする報告書`)', () => {
    const q = annotate('監視団は、攻撃が「戦争犯罪にあたる疑いがある」とする報告書をまとめた。', {
      knowledge,
    }).quotes.find((x) => x.text === '戦争犯罪にあたる疑いがある');
    expect(q?.kind).not.toBe('term');
  });
});

describe('extractQuotes: the quote first, then a speaker described by a clause', () => {
  const said = (text: string) =>
    annotate(text, { knowledge })
      .quotes.filter((q) => q.kind === 'speech' || q.kind === 'fragment')
      .map((q) => `${q.speaker ?? '-'}「${q.text}」`);

  it('a clause before the speaker after と, verbs and all, is part of how the text names them', () => {
    expect(said('「夜中に窓が割れた」と、現地で取材に応じた60代の女性は話した。')).toEqual([
      '現地で取材に応じた60代の女性「夜中に窓が割れた」',
    ]);
    expect(said('「補給が足りない」と南部で戦う旅団の報道担当者は語った。')).toEqual([
      '南部で戦う旅団の報道担当者「補給が足りない」',
    ]);
  });

  it('the subject of a clause describing the speaker is not the speaker', () => {
    expect(said('「線量は平常だ」とロシアが設立した運営会社の広報担当者は述べた。')).toEqual([
      'ロシアが設立した運営会社の広報担当者「線量は平常だ」',
    ]);
  });

  it('on a headline, a subject past a space is the next clause’s, not the quote’s', () => {
    expect(said('ロシア　南部の拠点を「掌握」と主張　ウクライナ軍は否定\n本文。').at(0)).not.toBe(
      'ウクライナ軍「掌握」',
    );
  });
});

describe('extractQuotes: from the thirteenth writer’s fold 0', () => {
  const speakerOf = (text: string, words: string) => {
    const q = annotate(text, { knowledge }).quotes.find((x) => x.text === words);
    return q ? (q.canonical ?? q.speaker) : undefined;
  };

  it('a boy named with 君 is a person', () => {
    expect(
      speakerOf(
        '少年は当時１２歳だった。\n「毎朝、国歌を歌わされた」\nオレクシイ君（１４）は、支援施設で取材に応じ、当時を振り返った。',
        '毎朝、国歌を歌わされた',
      ),
    ).toBe('オレクシイ');
  });

  it('a sentence opening on a contrast reports its own side, not the quote before it', () => {
    expect(
      speakerOf(
        'ホワイトハウスのモラレス報道官は先週、議会を訪れた。\n「相手が真剣でないなら、ためらわない」\n一方、在米ロシア大使館は、法案は打撃を与えるだけだと反発した。',
        '相手が真剣でないなら、ためらわない',
      ),
    ).toBe('モラレス');
  });

  it('a headline quote that keeps only the kanji of the body’s words is those words', () => {
    expect(
      speakerOf(
        '米特使、首脳と5時間会談　領土巡り「溝残る」\n米国のハモンド特使は会談した。ロシア大統領府のベリンスキー補佐官は会談後、記者団に「建設的だったが、領土では溝が残っている」と述べた。',
        '溝残る',
      ),
    ).toBe('ベリンスキー');
  });

  it('an excerpt opening on a pronoun takes the person named right after it', () => {
    expect(
      speakerOf(
        '彼女は「この協定は農家を売り渡すものだ」と述べた。\nベルギー選出の欧州議会議員、マルティーヌ・デュポン氏らは決議案を提出した。',
        'この協定は農家を売り渡すものだ',
      ),
    ).toBe('デュポン');
  });

  it('a kanji full name written again by its family name alone, as a topic or source', () => {
    expect(
      speakerOf(
        '研究院の崔允哲(チェ・ユンチョル)研究委員は本誌に語った。プーチン大統領も先月、両国の協力を称賛した。だが崔は、この関係が続くとは見ていない。「戦争が終われば価値は下がる」',
        '戦争が終われば価値は下がる',
      ),
    ).toBe('崔允哲');
  });
});
