//! Rule data: the TOML files under `rules/`, embedded in the binary and overridable with
//! `--rules DIR`. Errors point into the file with a miette span.

use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;
use std::borrow::Cow;
use std::path::PathBuf;
use thiserror::Error;

/// All rule data, loaded once and passed down by reference.
#[derive(Debug, Clone)]
pub struct RuleData {
    pub lexicon: Lexicon,
    pub metrics: Metrics,
    pub agencies: Agencies,
    pub units: Units,
    pub catalogue: Catalogue,
    /// Two-character words (rules/words.txt), read on first use.
    pub words: Words,
    /// The language findings are written in (set by the command line; English by default).
    pub lang: Lang,
}

/// The built-in word list (prepared at build time too: see build.rs and [`Words`]).
const WORDS_TEXT: &str = include_str!("../rules/words.txt");

pub static FILES: [(&str, &str); 6] = [
    ("lexicon.toml", include_str!("../rules/lexicon.toml")),
    ("metrics.toml", include_str!("../rules/metrics.toml")),
    ("agencies.toml", include_str!("../rules/agencies.toml")),
    ("units.toml", include_str!("../rules/units.toml")),
    ("words.txt", WORDS_TEXT),
    ("rules.toml", include_str!("../rules/rules.toml")),
];

impl RuleData {
    /// Sorts once, at load, the word lists that scanners try longest first, so no scan sorts.
    fn sort_for_scanning(&mut self) {
        let l = &mut self.lexicon;
        let m = &mut self.metrics;
        for v in [
            &mut l.clause.lead_labels,
            &mut l.clause.partner_labels,
            &mut l.clause.lead_markers,
            &mut l.clause.partner_markers,
            &mut l.clause.joint_words,
            &mut l.units.glue_suffixes,
            &mut l.units.branch_suffixes,
            &mut l.units.suffixes,
            &mut l.units.institution_suffixes,
            &mut l.clause.primary_lead_labels,
            &mut l.deadline.ongoing,
            &mut l.deadline.start_words,
            &mut l.deadline.end_words,
            &mut l.deadline.start_before_date,
            &mut l.deadline.closing_words,
            &mut l.deadline.before_date,
            &mut l.table.not_applicable,
            &mut l.clause.first_listed_heads,
            &mut l.clause.first_listed_links,
            &mut l.clause.action_openers,
            &mut l.clause.action_adverbs,
            &mut l.units.list_joiners,
            &mut l.outline.non_task_titles,
            &mut l.outline.title_joiners,
            &mut l.outline.note_markers,
            &mut m.units.known,
            &mut m.metric.terms,
            &mut m.target.from_words,
            &mut m.target.list_joiners,
            &mut m.target.respectively,
            &mut m.target.eligibility,
            &mut self.units.members.posts,
            &mut self.units.members.list_labels,
            &mut self.units.members.unit_columns,
            &mut self.units.levels.national_prefixes,
            &mut self.units.levels.provincial_prefixes,
            &mut self.units.levels.township_prefixes,
        ] {
            v.sort_by(|a, b| longer_first(a, b));
        }
        let c = &mut l.clause;
        let words = [
            &c.lead_labels,
            &c.partner_labels,
            &c.lead_markers,
            &c.partner_markers,
        ];
        c.any_word = aho_corasick::AhoCorasick::new(words.into_iter().flatten()).ok();
        c.first_listed_automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&c.first_listed_heads)
            .ok();
        c.rule_marker_automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&c.rule_markers)
            .ok();
        self.agencies.old_names = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(self.agencies.rename.iter().map(|r| r.old.as_str()))
            .ok();
    }

    /// The data built into the binary.
    pub fn builtin() -> RuleData {
        RuleData::from_texts(|name| {
            FILES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| (Cow::Borrowed(*t), format!("rules/{name}")))
        })
        .unwrap_or_else(|e| panic!("built-in rule data is invalid: {e:?}"))
    }

    /// Data from several directories: each file comes from the last directory that holds it,
    /// else from the built-in copy, so a directory may override just one file. A file that is
    /// there but cannot be read is an error, never replaced by the built-in copy. `read` reads
    /// a file's text (the caller's reader: this layer does no input of its own).
    pub fn from_dirs(
        dirs: &[PathBuf],
        read: impl Fn(&std::path::Path) -> Result<String, String>,
    ) -> Result<RuleData, DataError> {
        if let Some(dir) = dirs.iter().find(|d| !d.is_dir()) {
            return Err(DataError::Io {
                path: dir.display().to_string(),
                message: "not a directory".into(),
            });
        }
        let mut texts = Vec::new();
        for (name, builtin) in FILES {
            let own = dirs
                .iter()
                .rev()
                .map(|dir| dir.join(name))
                .find(|path| path.symlink_metadata().is_ok());
            texts.push(match own {
                Some(path) => {
                    let text = read(&path).map_err(|message| DataError::Io {
                        path: path.display().to_string(),
                        message,
                    })?;
                    (name, Cow::Owned(text), path.display().to_string())
                }
                None => (
                    name,
                    Cow::Borrowed(builtin),
                    format!("rules/{name} (built-in)"),
                ),
            });
        }
        RuleData::from_texts(|name| {
            texts
                .iter()
                .find(|(n, _, _)| *n == name)
                .map(|(_, t, p)| (t.clone(), p.clone()))
        })
    }

    pub(crate) fn from_texts(
        get: impl Fn(&str) -> Option<(Cow<'static, str>, String)>,
    ) -> Result<RuleData, DataError> {
        fn load<T: for<'de> Deserialize<'de>>(
            get: &impl Fn(&str) -> Option<(Cow<'static, str>, String)>,
            name: &str,
        ) -> Result<T, DataError> {
            let (text, path) = get(name).ok_or_else(|| DataError::Io {
                path: name.into(),
                message: "missing".into(),
            })?;
            let toml_error = |e: toml::de::Error, text: &str| DataError::Toml {
                span: e.span().map(|r| (r.start, r.len()).into()),
                message: e.message().to_string(),
                src: NamedSource::new(path.clone(), text.to_string()),
            };
            let value = toml::from_str(&text).map_err(|e| toml_error(e, &text))?;
            // The built-in lists are checked by a test once, not by every run (the check parses
            // the file a second time: a fifth of a one-plan run's start).
            if WORD_FILES.contains(&name) && !is_built_in(name, &text) {
                let table = toml::de::DeTable::parse(&text).map_err(|e| toml_error(e, &text))?;
                if let Err((span, message)) = check_words(table.get_ref(), "") {
                    return Err(DataError::Toml {
                        span: Some((span.start, span.len()).into()),
                        message,
                        src: NamedSource::new(path, text.into_owned()),
                    });
                }
            }
            Ok(value)
        }
        let mut data = RuleData {
            lexicon: load(&get, "lexicon.toml")?,
            metrics: load(&get, "metrics.toml")?,
            agencies: load(&get, "agencies.toml")?,
            units: load(&get, "units.toml")?,
            catalogue: load(&get, "rules.toml")?,
            words: Words::new(get("words.txt").map(|(t, _)| t).unwrap_or_default()),
            lang: Lang::En,
        };
        data.validate(&get)?;
        data.sort_for_scanning();
        Ok(data)
    }

    /// Checks what serde cannot: bound names, severities and codes that are known and unique.
    fn validate(
        &self,
        get: &impl Fn(&str) -> Option<(Cow<'static, str>, String)>,
    ) -> Result<(), DataError> {
        let invalid = |file: &str, needle: &str, message: String| {
            let (text, path) = get(file).unwrap_or_default();
            let span = text.find(needle).map(|i| (i, needle.len()).into());
            DataError::Toml {
                span,
                message,
                src: NamedSource::new(path, text.into_owned()),
            }
        };
        let mut codes = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for rule in &self.catalogue.rule {
            if !codes.insert(rule.code.as_str()) {
                return Err(invalid(
                    "rules.toml",
                    &rule.code,
                    format!("code {} is used twice", rule.code),
                ));
            }
            if !names.insert(rule.name.as_str()) {
                return Err(invalid(
                    "rules.toml",
                    &rule.name,
                    format!("rule {} is listed twice", rule.name),
                ));
            }
            if !is_kebab(&rule.name) {
                return Err(invalid(
                    "rules.toml",
                    &rule.name,
                    format!("rule name {} is not kebab-case", rule.name),
                ));
            }
        }
        Ok(())
    }
}

/// Whether `text` is the built-in copy of the file `name` itself (not a user's copy, even an
/// identical one: only the built-in copy is checked by the test).
fn is_built_in(name: &str, text: &str) -> bool {
    FILES.iter().any(|(n, t)| {
        *n == name && std::ptr::eq(t.as_ptr(), text.as_ptr()) && t.len() == text.len()
    })
}

/// The files whose every list of strings is a word list.
const WORD_FILES: [&str; 4] = [
    "lexicon.toml",
    "metrics.toml",
    "agencies.toml",
    "units.toml",
];

/// Finds the first empty word or repeated word in the word lists of a rule-data table: every
/// array of strings, and the `old` and `new` names of renames (each old name listed once). An
/// empty word matches everywhere, and scanners that step past a match by its length would
/// stand still; a repeat is a slip that hides which copy was meant.
fn check_words(
    table: &toml::de::DeTable,
    at: &str,
) -> Result<(), (std::ops::Range<usize>, String)> {
    for (key, value) in table {
        let path = if at.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{at}.{}", key.get_ref())
        };
        match value.get_ref() {
            toml::de::DeValue::String(w)
                if w.is_empty() && ["old", "new"].contains(&key.get_ref().as_ref()) =>
            {
                return Err((value.span(), format!("`{path}` is empty")));
            }
            toml::de::DeValue::Table(t) => check_words(t, &path)?,
            toml::de::DeValue::Array(items) => check_list(items, &path)?,
            _ => {}
        }
    }
    Ok(())
}

fn check_list(
    items: &[toml::Spanned<toml::de::DeValue>],
    path: &str,
) -> Result<(), (std::ops::Range<usize>, String)> {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut olds: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (k, item) in items.iter().enumerate() {
        match item.get_ref() {
            toml::de::DeValue::String(w) if w.is_empty() => {
                return Err((item.span(), format!("an empty word in `{path}`")));
            }
            toml::de::DeValue::String(w) => {
                if let Some(first) = seen.insert(w, k) {
                    return Err((
                        item.span(),
                        format!(
                            "\"{w}\" is listed twice in `{path}` (items {} and {})",
                            first + 1,
                            k + 1
                        ),
                    ));
                }
            }
            toml::de::DeValue::Array(inner) => check_list(inner, &format!("{path}[{}]", k + 1))?,
            toml::de::DeValue::Table(t) => {
                check_words(t, &format!("{path}[{}]", k + 1))?;
                if let Some(old) = t.get("old") {
                    if let toml::de::DeValue::String(w) = old.get_ref() {
                        if let Some(first) = olds.insert(w, k) {
                            return Err((
                                old.span(),
                                format!(
                                    "\"{w}\" is renamed twice in `{path}` (entries {} and {})",
                                    first + 1,
                                    k + 1
                                ),
                            ));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A rule-data file could not be used.
#[derive(Debug, Error, Diagnostic)]
pub enum DataError {
    #[error("rule data {path}: {message}")]
    #[diagnostic(code(planlint::rule_data))]
    Io { path: String, message: String },
    #[error("invalid rule data: {message}")]
    #[diagnostic(code(planlint::rule_data))]
    Toml {
        #[source_code]
        src: NamedSource<String>,
        #[label("here")]
        span: Option<SourceSpan>,
        message: String,
    },
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    pub clause: ClauseWords,
    pub subject: SubjectWords,
    pub units: UnitWords,
    pub outline: OutlineWords,
    pub table: TableWords,
    pub deadline: DeadlineWords,
    pub align: AlignWords,
}

/// Owners named as the subject of a sentence (`市民政部门应当…`, `由区民政部门进行…`), the way
/// regulations and 办法 assign duties.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubjectWords {
    /// Words that may follow the subject: modals and duty verbs.
    pub verbs: Vec<String>,
    /// Words that may open the clause before the subject (由).
    pub openers: Vec<String>,
    /// Words after which units are the subject's partners (会同).
    pub partner_words: Vec<String>,
    /// Endings that make a subject's name an owner (政府, 部门, 河长…).
    pub bodies: Vec<String>,
    /// The characters a place named as an owner is written with (各区, 镇（街）).
    pub place_chars: String,
    /// Words an owner's name never starts with (在, 并…).
    pub not_first: Vec<String>,
    /// Names opening on a `not_first` word as part of a word of their own (应急管理部门).
    pub not_first_words: Vec<String>,
    /// Openings of a catch-all unit (有关部门, 相关单位) that, after a duty verb, make the verb act
    /// on it (协调有关部门…) rather than begin a name.
    pub catch_all_starts: Vec<String>,
    /// A lead verb written straight before the partners (由A牵头B、C组建…), and the words that
    /// close that list (等单位), see rules/lexicon.toml.
    pub plan_partners_after: Vec<String>,
    pub partner_list_ends: Vec<String>,
    /// In a plan's item, the verbs that make the units before them its owners (牵头, 负责).
    pub plan_verbs: Vec<String>,
    /// In a plan's item, the verbs that make the units before them its partners (配合).
    pub plan_partner_verbs: Vec<String>,
    /// Endings of a saving provision's clause (…另有规定的，从其规定): no owner in it.
    pub saving_ends: Vec<String>,
    /// Brackets of an article's title before its first clause's subject (【部门职责】).
    pub title_brackets: Vec<(String, String)>,
    /// Verbs that, after a body's ending, join two bodies (…办事处委托…): see rules/lexicon.toml.
    pub between_bodies: Vec<String>,
    /// Openers of the bracket that gives a unit its short name (以下简称): see rules/lexicon.toml.
    pub alias_openers: Vec<String>,
}

/// Words of the comparison with a directive.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlignWords {
    pub level_prefixes: Vec<String>,
    pub level_words: Vec<String>,
    pub variants: Vec<Vec<String>>,
    pub weak_terms: Vec<String>,
    /// Sanctions of a penalty provision (罚款, 处分): see rules/lexicon.toml.
    pub sanctions: Vec<String>,
    /// Openings of a penalty provision's clauses that say who punishes and how (由, 构成犯罪).
    pub sanction_openers: Vec<String>,
    /// Words before a sanction that make it one received, not imposed (受行政处罚情况).
    pub sanction_received: Vec<String>,
    /// A plan's referral of a named conduct to the law's penalty (的规定处理).
    pub penalty_referrals: Vec<String>,
    /// Labels opening a directive paragraph of details (政策咨询：, 联系方式：): see
    /// rules/lexicon.toml.
    pub detail_labels: Vec<String>,
    /// A directive task asking the lower level for its own plan (各区制定专项方案): the
    /// level, the verb and the genre, see rules/lexicon.toml.
    pub own_plan_levels: Vec<String>,
    pub own_plan_verbs: Vec<String>,
    pub own_plan_genres: Vec<String>,
    /// A directive task only a national body can carry out (国务院水行政主管部门主管全国的…):
    /// the bodies, the heads after 国家, and the local levels that make it everyone's, see
    /// rules/lexicon.toml.
    pub national_bodies: Vec<String>,
    pub national_body_heads: Vec<String>,
    pub local_levels: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseWords {
    pub lead_markers: Vec<String>,
    pub partner_markers: Vec<String>,
    pub primary_lead_markers: Vec<String>,
    pub joint_words: Vec<String>,
    pub lead_labels: Vec<String>,
    pub partner_labels: Vec<String>,
    /// Words between a unit list and its role word saying how they share the work (根据各自职责,
    /// 分别): left out of the last unit's name.
    pub duty_fillers: Vec<String>,
    /// Labels of a time on its own line under a clause (时序进度：2022年6月底前).
    pub deadline_labels: Vec<String>,
    /// The first-listed-is-lead convention: an ordinal, a link word, a lead noun.
    pub first_listed_ordinals: Vec<String>,
    pub first_listed_heads: Vec<String>,
    pub first_listed_links: Vec<String>,
    /// Marks of the convention that a lead label's units before the first comma lead and the
    /// rest are partners (逗号前面的为牵头单位).
    pub before_comma_marks: Vec<String>,
    /// Lead labels that name the lead itself: beside them, the units of other lead labels
    /// (责任单位：) are co-responsible partners.
    pub primary_lead_labels: Vec<String>,
    /// Markers whose slot takes any short name only when the clause already read a unit (A牵头，
    /// B参与): alone they close asides too (社会资本参与).
    pub weak_markers: Vec<String>,
    /// Pieces of a clause that say nothing about responsibility (下同).
    pub asides: Vec<String>,
    /// Openings of a piece that assigns all later tasks at once (以下均由…负责落实), when one of
    /// `blanket_marks` follows within a few characters (以下措施均需…).
    pub blanket_openers: Vec<String>,
    pub blanket_marks: Vec<String>,
    /// The role words closing such a note (负责落实), left out of its last unit's name.
    pub note_roles: Vec<String>,
    /// Words that show the plan names owners (a label, a header line, a section title).
    pub owner_cues: Vec<String>,
    /// Title words of the documents that must name an owner per task (实施方案, 行动计划…).
    pub owner_genres: Vec<String>,
    /// Title openings of national documents, which leave the division of work to the levels
    /// below (国务院办公厅关于…).
    pub national_titles: Vec<String>,
    /// Number openings of national documents (国发〔2019〕4号).
    pub national_numbers: Vec<String>,
    /// Addressees that are market actors (金融机构, 企业): a notice to them names no owners.
    pub market_addressees: Vec<String>,
    /// Words opening a sentence that states an action of government (加快, 建立), counted
    /// against `rule_markers` to tell a work plan from rules for the public.
    pub action_openers: Vec<String>,
    /// Adverbs that may stand before an action word (进一步加强).
    pub action_adverbs: Vec<String>,
    /// Words of rules for the public: a case (…的，), a grant (给予, 补贴), a permission or a
    /// duty of the addressee (可申请, 不得).
    pub rule_markers: Vec<String>,
    /// How many rule words per sentence opening on an action make a plan's measures rules for
    /// the public (1.0: one for every action).
    pub rule_share: f64,
    /// Title words of the genre of policy measures (若干措施), and the share that makes such a
    /// list rules for the public (0.5: one rule word for every two actions).
    pub measure_genres: Vec<String>,
    pub measure_rule_share: f64,
    /// Words naming a government or party committee among a document's issuers (人民政府,
    /// 管委会, 县委): measures issued by departments alone (no such word) are theirs to carry out.
    pub government_issuers: Vec<String>,
    /// `rule_markers` as one automaton (leftmost-longest, so 可享受 counts once), built at load.
    #[serde(skip)]
    pub rule_marker_automaton: Option<aho_corasick::AhoCorasick>,
    /// A lead marker followed by one of these is a noun (负责人, 负责同志), not a role.
    pub not_after_marker: Vec<String>,
    /// The first-listed-is-lead phrases as one automaton (leftmost-longest), built at load.
    #[serde(skip)]
    pub first_listed_automaton: Option<aho_corasick::AhoCorasick>,
    /// Every label and marker as one automaton, built at load: text holding none of them is no
    /// clause, which one pass tells.
    #[serde(skip)]
    pub any_word: Option<aho_corasick::AhoCorasick>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitWords {
    pub suffixes: Vec<String>,
    /// A bracket after a name opening with one of these notes its scope (各区县政府（含高新区，
    /// 下同）): not part of the name.
    pub scope_notes: Vec<String>,
    /// A name opening with one of these is a national body's: a body name glued after it with no
    /// place word of its own (国家矿山安全监察局贵州局) is its local office, one unit.
    pub national_starts: Vec<String>,
    pub glue_suffixes: Vec<String>,
    /// Endings a list of fields shares (市发展改革、财政部门): see [`crate::parse::units`].
    pub shared_endings: Vec<String>,
    /// The place names among `suffixes` (a field may end like one: 农业农村).
    pub place_suffixes: Vec<String>,
    pub branch_suffixes: Vec<String>,
    pub dependent_names: Vec<String>,
    pub vague_suffixes: Vec<String>,
    pub vague_ending: String,
    pub list_joiners: Vec<String>,
    pub group_prefixes: Vec<String>,
    pub parent_bodies: Vec<String>,
    pub area_words: Vec<String>,
    pub not_in_names: Vec<String>,
    /// A body named by the duty it holds (负有安全生产监督管理职责的部门): its opening word and
    /// the endings that close it, see rules/lexicon.toml.
    pub duty_name_opens: Vec<String>,
    pub duty_name_ends: Vec<String>,
    pub lead_marks: Vec<String>,
    /// A body that, after 和, shares the place of the unit before it (各乡镇党委和人民政府).
    pub shared_bodies: Vec<String>,
    /// An institution under a body, written after the body's name (市卫健委疾病预防控制中心).
    pub institution_suffixes: Vec<String>,
    /// A name starting so names a place of its own (市疾控中心), not an institution of the
    /// body before it.
    pub place_starts: Vec<String>,
}

impl UnitWords {
    /// A one-character list joiner (和, 与, 及 of `list_joiners`).
    pub fn is_joiner(&self, c: char) -> bool {
        self.list_joiners.iter().any(|j| {
            let mut cs = j.chars();
            cs.next() == Some(c) && cs.next().is_none()
        })
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutlineWords {
    pub part_markers: Vec<String>,
    /// Words of a text that reports on a document (记者, 获悉, 文件提出).
    pub report_markers: Vec<String>,
    /// Verbs after a short title in 《》 that cite the document as a sentence's subject
    /// (《通知》要求).
    pub report_verbs: Vec<String>,
    /// A line ending with one of these is a letterhead (…人民政府文件), no title.
    pub letterhead_endings: Vec<String>,
    /// Labels opening a list of attachments (附件：1.… 2.…), which is no outline.
    pub list_labels: Vec<String>,
    /// Section titles naming the division of duties (责任分工): each paragraph gives a unit its
    /// duties.
    pub duty_titles: Vec<String>,
    /// Phrases of an article's first sentence that make it no task: purpose (制定本条例),
    /// definitions (所称), scope (适用于), entry into force (起施行).
    pub article_not_task: Vec<String>,
    pub condition_headings: Vec<String>,
    pub non_task_titles: Vec<String>,
    /// Endings of a title about when the document is in force (以上政策措施施行时间): never a task,
    /// whatever the title's length.
    pub validity_titles: Vec<String>,
    /// Endings of a numbered closing sentence about the document itself (本措施自印发之日起施行).
    pub closing_endings: Vec<String>,
    /// How a sentence refers to the document it stands in (本, 上述, 以上 before its genre), and
    /// what such a sentence says of it (所称, 适用于, 解释权): see rules/lexicon.toml.
    pub self_references: Vec<String>,
    pub self_statements: Vec<String>,
    /// An item setting up the group that carries the work (建立工作专班, 成立领导小组) and naming
    /// its members (组长, 成员): see rules/lexicon.toml.
    pub group_setups: Vec<String>,
    /// Marks opening the items of an unnumbered list (●, ■, ◆, ——): each marked paragraph is
    /// an item of its own, see `body::marked_items`.
    pub list_marks: Vec<String>,
    pub group_bodies: Vec<String>,
    pub group_members: Vec<String>,
    /// Words of a release note after the last item (发布, 印发): see rules/lexicon.toml.
    pub release_words: Vec<String>,
    /// How the opening paragraph of a document without items says why it is issued (为…,
    /// 根据…) or that its measures follow (…通知如下：): no task of its own.
    pub preamble_openers: Vec<String>,
    pub preamble_endings: Vec<String>,
    pub title_joiners: Vec<String>,
    pub title_words: Vec<String>,
    /// Labels of a metadata line that give the title after them (标题:), see rules/lexicon.toml.
    pub title_labels: Vec<String>,
    pub note_markers: Vec<String>,
    pub stage_words: Vec<String>,
    pub quantity_after_dot: String,
    pub quantity_after_number: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableWords {
    pub number: Vec<String>,
    pub task: Vec<String>,
    pub lead: Vec<String>,
    pub partner: Vec<String>,
    pub deadline: Vec<String>,
    pub group: Vec<String>,
    pub notes: Vec<String>,
    pub not_applicable: Vec<String>,
    /// A unit cell saying "none" (无): no unit.
    pub none: Vec<String>,
}

/// What a table column holds, named by its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ColumnRole {
    Number,
    Task,
    Lead,
    Partner,
    Deadline,
    Group,
    Notes,
}

impl TableWords {
    fn lists(&self) -> [(ColumnRole, &Vec<String>); 7] {
        [
            (ColumnRole::Number, &self.number),
            (ColumnRole::Task, &self.task),
            (ColumnRole::Lead, &self.lead),
            (ColumnRole::Partner, &self.partner),
            (ColumnRole::Deadline, &self.deadline),
            (ColumnRole::Group, &self.group),
            (ColumnRole::Notes, &self.notes),
        ]
    }

    /// The column a header cell names: its text (white space removed) is one of the role
    /// words, or else holds one (the longest wins; 牵头单位（部门） is a lead column).
    pub fn role_of(&self, header: &str) -> Option<ColumnRole> {
        // A cell of more than 16 characters is no header: known before copying all of it.
        let mut h = String::new();
        for (n, c) in header.chars().filter(|c| !c.is_whitespace()).enumerate() {
            if n == 16 {
                return None;
            }
            h.push(c);
        }
        if h.is_empty() {
            return None;
        }
        let lists = self.lists();
        if let Some((r, _)) = lists.iter().find(|(_, l)| l.contains(&h)) {
            return Some(*r);
        }
        lists
            .iter()
            .flat_map(|(r, l)| l.iter().map(move |w| (*r, w)))
            .filter(|(_, w)| w.chars().count() >= 2 && h.contains(w.as_str()))
            .max_by_key(|(_, w)| w.len())
            .map(|(r, _)| r)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineWords {
    pub ongoing: Vec<String>,
    pub start_words: Vec<String>,
    pub start_before_date: Vec<String>,
    pub end_words: Vec<String>,
    pub closing_words: Vec<String>,
    /// Words after a date's closing word that make it a past event (前已出让), see
    /// rules/lexicon.toml.
    pub past_after_closing: Vec<String>,
    /// Openings of a clause that make a date in it a case (凡…前新出让的用地), and joiners
    /// adding a condition to a case closed by 的 (…的，且在…前缴清契税), see rules/lexicon.toml.
    pub case_openers: Vec<String>,
    pub case_joiners: Vec<String>,
    /// Notes written between a date and the word after it (2017年5月3日(含)之后), passed over
    /// when that word is read, see rules/lexicon.toml.
    pub notes_after_date: Vec<String>,
    /// Nouns of a term or window (执行期限, 出售时间) whose end a date after 至 gives, see
    /// rules/lexicon.toml.
    pub term_nouns: Vec<String>,
    /// Verbs that extend a term to the date after 至 (延长至, 延续实施至), see rules/lexicon.toml.
    pub term_extensions: Vec<String>,
    /// Whom a rule's case is for (的家庭, 的纳税人), see rules/lexicon.toml.
    pub case_heads: Vec<String>,
    pub before_date: Vec<String>,
    pub periodic: Vec<String>,
    pub stray_date_words: Vec<String>,
    pub annual_titles: Vec<String>,
    pub validity_words: Vec<String>,
    pub validity_context: Vec<String>,
}

/// The direction a target's number binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bound {
    AtLeast,
    AtMost,
    About,
    Exactly,
    Increase,
}

impl Bound {
    pub fn name(self) -> &'static str {
        match self {
            Bound::AtLeast => "at-least",
            Bound::AtMost => "at-most",
            Bound::About => "about",
            Bound::Exactly => "exactly",
            Bound::Increase => "increase",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metrics {
    pub comparator: Vec<BoundWords>,
    pub suffix: Vec<BoundWords>,
    pub units: MetricUnits,
    pub metric: MetricTerms,
    pub target: TargetWords,
    pub period: Vec<Period>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoundWords {
    pub words: Vec<String>,
    pub bound: Bound,
    /// The words name a change to reach (提高到, 压缩到), not a standing limit.
    #[serde(default)]
    pub change: bool,
    /// The words are a verb promising a count (建成10个, 培育千家): the number is a result to
    /// deliver, compared with the directive's, not a level two sentences can contradict.
    #[serde(default)]
    pub promise: bool,
    /// The words set a ceiling per case (最高50万元, 最长24个月): an allowance, not a result.
    #[serde(default)]
    pub allowance: bool,
}

/// Words of target reading beyond comparators and units.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetWords {
    pub from_words: Vec<String>,
    pub list_joiners: Vec<String>,
    pub respectively: Vec<String>,
    pub eligibility: Vec<String>,
    /// Verbs that make a number a condition when they follow 的 and a short noun (的用地可).
    pub eligibility_verbs: Vec<String>,
    /// A clause opening on one of these and closing the number with 的 names who qualifies
    /// (对年加工能力达到2万吨以上的企业，…).
    pub condition_openers: Vec<String>,
    /// A clause bounding a figure with one of these names the case a graded standard applies to
    /// (五万平方米（含）以下的住宅区).
    pub case_words: Vec<String>,
    /// Openings of a clause naming the case a figure applies to (对于…的居民家庭，…).
    pub case_openers: Vec<String>,
    /// An undated number followed in its sentence by one of these is what earns the reward
    /// (游览2个以上A级景区，每住宿1天奖励旅行社0.5万元).
    pub reward_words: Vec<String>,
    pub status_words: Vec<String>,
    pub standing_after: Vec<String>,
    /// Verbs setting a share aside before its figure (预留, 划出): the figure is standing.
    pub standing_before: Vec<String>,
    /// Units of caps set per case (元, 万元): an upper limit in them is no promised result.
    pub cap_units: Vec<String>,
    /// Measures whose upper limit is a cap set per case (补贴额测算比例不超过20%).
    pub cap_metrics: Vec<String>,
    /// Endings of the measures of an outcome (覆盖率, 满意度): the only ones one plan must
    /// state alike everywhere.
    pub outcome_endings: Vec<String>,
    /// Words before a value's comparator that make it an allowance, not a promise
    /// (补贴比例可提高至35%).
    pub allowance_before: Vec<String>,
    /// Verbs a subject ends with that lead to its number and are no part of the measure a
    /// report names (贷款首付比例调整为不低于30% measures 贷款首付比例).
    pub label_tails: Vec<String>,
    /// Words a subject opens with that join it to the sentence before (其中…).
    pub label_heads: Vec<String>,
}

/// A named planning period (“十三五”) and the years it covers.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub name: String,
    pub start: i32,
    pub end: i32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricUnits {
    pub known: Vec<String>,
    pub synonyms: Vec<Vec<String>>,
    pub lower_is_stricter: Vec<String>,
    pub threshold_units: Vec<String>,
    pub class_units: Vec<String>,
    /// Units that are also multipliers (万): a unit only where no word follows (80万。), not in
    /// 2万家次 or 1万个, see rules/metrics.toml.
    pub bare_units: Vec<String>,
    /// Fractions written in words before their number (百分之二十 = 20%): each word and the unit
    /// it stands for, see rules/metrics.toml.
    pub fraction_words: Vec<(String, String)>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricTerms {
    pub terms: Vec<String>,
}

impl Catalogue {
    /// The message `key` of `rule` in `lang`.
    pub fn message(&self, rule: &str, key: &str, lang: Lang) -> Option<&str> {
        self.rule
            .iter()
            .find(|r| r.name == rule)?
            .messages
            .get(key)
            .map(|m| m.text(lang))
    }

    /// A number from a rule's `params` table, or `default`.
    pub fn param_f64(&self, rule: &str, key: &str, default: f64) -> f64 {
        self.rule
            .iter()
            .find(|r| r.name == rule)
            .and_then(|r| r.params.get(key))
            .and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)))
            .unwrap_or(default)
    }
}

impl Metrics {
    /// The canonical spelling of a unit: the first of its synonym group.
    pub fn canonical_unit<'a>(&'a self, unit: &'a str) -> &'a str {
        self.units
            .synonyms
            .iter()
            .find(|g| g.iter().any(|u| u == unit))
            .and_then(|g| g.first())
            .map(String::as_str)
            .unwrap_or(unit)
    }

    pub fn lower_is_stricter(&self, unit: &str) -> bool {
        let unit = self.canonical_unit(unit);
        self.units
            .lower_is_stricter
            .iter()
            .any(|u| self.canonical_unit(u) == unit)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agencies {
    pub historical_prefixes: Vec<String>,
    pub rename: Vec<Rename>,
    /// Every old name of `rename`, in its order, as one leftmost-longest automaton, built at
    /// load: a plan later than every rename searches with it instead of building its own.
    #[serde(skip)]
    pub old_names: Option<aho_corasick::AhoCorasick>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rename {
    pub old: String,
    pub new: String,
    pub valid_until: i32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub rule: Vec<RuleEntry>,
}

/// Identity and user text of one rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleEntry {
    pub code: String,
    pub name: String,
    pub severity: Severity,
    /// "plan" rules need only the plan; "directive" rules compare with `--against`.
    pub scope: Scope,
    pub summary: String,
    pub explanation: String,
    /// The documentation in Chinese, with the same examples.
    #[serde(default)]
    pub explanation_zh: String,
    #[serde(default)]
    pub params: toml::Table,
    /// The rule's messages and help texts by key, in both languages, with `{placeholders}`.
    #[serde(default)]
    pub messages: std::collections::BTreeMap<String, Message>,
}

/// One message of a rule in both languages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    pub en: String,
    pub zh: String,
}

impl Message {
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

impl RuleEntry {
    /// The rule's title in `lang`: its summary is `中文标题 (English title)`.
    pub fn title(&self, lang: Lang) -> &str {
        let (zh, en) = self.summary.split_once(" (").map_or(
            (self.summary.as_str(), self.summary.as_str()),
            |(zh, en)| (zh, en.strip_suffix(')').unwrap_or(en)),
        );
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The rule's documentation in `lang`.
    pub fn explanation(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh if !self.explanation_zh.is_empty() => &self.explanation_zh,
            _ => &self.explanation,
        }
    }
}

/// The language of messages, help texts and documentation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Chinese (中文).
    Zh,
}

impl Lang {
    /// `zh`, `zh-CN`, `zh_CN.UTF-8`… are Chinese; `en…` English; anything else is not a language.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") || s == "c" || s == "posix" || s.starts_with("c.") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language of the locale, as a POSIX program reads it: the first of LC_ALL,
    /// LC_MESSAGES and LANG that is set and not empty; Chinese for zh*, otherwise English.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| var(k).filter(|v| !v.is_empty()))
            .map_or(Lang::En, |v| {
                if v.to_ascii_lowercase().starts_with("zh") {
                    Lang::Zh
                } else {
                    Lang::En
                }
            })
    }

    /// The language of this process's locale.
    pub fn from_env() -> Lang {
        Lang::from_locale(|k| std::env::var(k).ok())
    }

    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    Plan,
    Directive,
    /// Findings about planlint's own configuration (unused ignore entries).
    Config,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// Words of a list, longest first, so that "按职责分工负责" wins over "负责".
pub fn longest_first(words: &[String]) -> Vec<&str> {
    let mut v: Vec<&str> = words.iter().map(String::as_str).collect();
    // Loaded lists are sorted already (RuleData::sort_for_scanning): checking is cheap.
    if !v.is_sorted_by(|a, b| longer_first(a, b) != std::cmp::Ordering::Greater) {
        v.sort_by(|a, b| longer_first(a, b));
    }
    v
}

/// Longer words first, then alphabetical: the order longest-match scanners try words in.
pub fn longer_first(a: &str, b: &str) -> std::cmp::Ordering {
    b.len().cmp(&a.len()).then(a.cmp(b))
}

/// What unit names say (rules/units.toml).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Units {
    pub levels: UnitLevels,
    pub members: MemberWords,
    pub names: NameWords,
    pub typos: TypoWords,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitLevels {
    pub national_prefixes: Vec<String>,
    pub provincial_prefixes: Vec<String>,
    pub city_prefixes: Vec<String>,
    pub county_prefixes: Vec<String>,
    pub township_prefixes: Vec<String>,
    pub not_prefixes: Vec<String>,
    pub provincial_suffixes: Vec<String>,
    pub national: Vec<String>,
    pub vertical: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberWords {
    pub list_labels: Vec<String>,
    pub posts: Vec<String>,
    pub unit_columns: Vec<String>,
    pub duty_words: Vec<String>,
    pub exempt: Vec<String>,
    pub own_bodies: Vec<String>,
    pub independent: Vec<String>,
    pub place_endings: Vec<String>,
    pub catch_all_starts: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameWords {
    pub departments: Vec<String>,
    pub heads: Vec<String>,
    pub body_suffixes: Vec<String>,
    pub suffix_groups: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypoWords {
    pub reduplications: Vec<String>,
    pub never_doubled: Vec<String>,
    pub distinct_characters: String,
}

/// A word list read when first needed: most runs never ask (reading it costs a millisecond).
/// The built-in list is prepared at build time (build.rs) as sorted packed keys and looked up
/// in place; only a list of `--rules DIR` is read into hash sets at run time.
#[derive(Debug, Clone, Default)]
pub struct Words {
    text: Cow<'static, str>,
    /// The text is the built-in list: look words up in the prepared keys.
    builtin: bool,
    set: std::sync::Arc<std::sync::OnceLock<rustc_hash::FxHashSet<[char; 2]>>>,
    /// Three- and four-character words, a three-character one padded with NUL.
    longer: std::sync::Arc<std::sync::OnceLock<rustc_hash::FxHashSet<[char; 4]>>>,
}

/// The built-in two-character words as sorted keys `a << 21 | b` (u64, little-endian).
static BUILTIN_TWO: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words2.bin"));
/// The built-in three- and four-character words as sorted keys
/// `a << 63 | b << 42 | c << 21 | d` (u128, little-endian; `d` NUL for three characters).
static BUILTIN_LONGER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words34.bin"));

/// Whether the sorted packed keys of `N` bytes each in `bytes` hold `key`.
fn packed_contains<const N: usize>(bytes: &[u8], key: u128) -> bool {
    let read = |i: usize| -> u128 {
        let mut b = [0u8; 16];
        b[..N].copy_from_slice(&bytes[i * N..i * N + N]);
        u128::from_le_bytes(b)
    };
    let (mut lo, mut hi) = (0, bytes.len() / N);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match read(mid).cmp(&key) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

impl Words {
    pub fn new(text: impl Into<Cow<'static, str>>) -> Words {
        let text = text.into();
        // The built-in text is passed as itself: known without comparing 800 KB.
        let builtin = match &text {
            Cow::Borrowed(t) => std::ptr::eq(*t, WORDS_TEXT) || *t == WORDS_TEXT,
            Cow::Owned(t) => t == WORDS_TEXT,
        };
        Words {
            text,
            builtin,
            set: Default::default(),
            longer: Default::default(),
        }
    }

    /// True when `s` starts with a word of three or four characters (路长制, 县直单位).
    pub fn starts_longer_word(&self, s: &str) -> bool {
        let mut c = s.chars();
        let (Some(a), Some(b), Some(x)) = (c.next(), c.next(), c.next()) else {
            return false;
        };
        if self.builtin {
            let key = |d: char| {
                ((a as u128) << 63) | ((b as u128) << 42) | ((x as u128) << 21) | d as u128
            };
            return packed_contains::<16>(BUILTIN_LONGER, key('\0'))
                || c.next()
                    .is_some_and(|d| packed_contains::<16>(BUILTIN_LONGER, key(d)));
        }
        let set = self.longer.get_or_init(|| {
            self.text
                .lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(str::split_whitespace)
                .filter_map(|w| {
                    let c: Vec<char> = w.chars().collect();
                    match c.len() {
                        3 => Some([c[0], c[1], c[2], '\0']),
                        4 => Some([c[0], c[1], c[2], c[3]]),
                        _ => None,
                    }
                })
                .collect()
        });
        set.contains(&[a, b, x, '\0']) || c.next().is_some_and(|d| set.contains(&[a, b, x, d]))
    }

    /// True when `a` followed by `b` is a word.
    pub fn contains(&self, a: char, b: char) -> bool {
        if self.builtin {
            return packed_contains::<8>(BUILTIN_TWO, ((a as u128) << 21) | b as u128);
        }
        self.set
            .get_or_init(|| {
                self.text
                    .lines()
                    .filter(|l| !l.starts_with('#'))
                    .flat_map(str::split_whitespace)
                    .filter_map(|w| {
                        let mut c = w.chars();
                        match (c.next(), c.next(), c.next()) {
                            (Some(x), Some(y), None) => Some([x, y]),
                            _ => None,
                        }
                    })
                    .collect()
            })
            .contains(&[a, b])
    }
}

#[cfg(test)]
mod built_in_tests {
    /// A run skips the word-list check on the built-in files; this test makes it once for them.
    #[test]
    fn the_built_in_word_lists_have_no_empty_or_repeated_word() {
        for name in super::WORD_FILES {
            let text = super::FILES.iter().find(|(n, _)| *n == name).unwrap().1;
            assert!(super::is_built_in(name, text));
            // A copy with the same words is a user's file, checked on every run.
            let copy = String::from(text);
            assert!(!super::is_built_in(name, &copy));
            let table = toml::de::DeTable::parse(text).unwrap();
            assert_eq!(super::check_words(table.get_ref(), ""), Ok(()), "{name}");
        }
    }
}

#[cfg(test)]
mod words_tests {
    use super::Words;

    /// The keys prepared at build time answer as the list read at run time does.
    #[test]
    fn the_prepared_word_list_answers_as_the_text_does() {
        let text = super::WORDS_TEXT;
        let built = Words::new(text.to_string());
        assert!(built.builtin);
        // The same text, not recognised as the built-in one: read into hash sets.
        let read = Words::new(format!("{text}\n"));
        assert!(!read.builtin);
        let chars: Vec<char> = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(|l| l.chars())
            .filter(|c| !c.is_whitespace())
            .take(4000)
            .chain("县直单位路长制市场监管局率率达到".chars())
            .collect();
        for w in chars.windows(4) {
            assert_eq!(
                built.contains(w[0], w[1]),
                read.contains(w[0], w[1]),
                "{w:?}"
            );
            let s: String = w.iter().collect();
            assert_eq!(
                built.starts_longer_word(&s),
                read.starts_longer_word(&s),
                "{s}"
            );
            let s3: String = w[..3].iter().collect();
            assert_eq!(
                built.starts_longer_word(&s3),
                read.starts_longer_word(&s3),
                "{s3}"
            );
        }
        assert!(built.contains('市', '场'));
        assert!(built.starts_longer_word("县直单位"));
    }
}

#[cfg(test)]
mod lang_tests {
    use super::Lang;

    #[test]
    fn the_locale_chooses_the_language_as_posix_programs_read_it() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(Lang::from_locale(env(&[("LANG", "C")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
        // LC_ALL over LC_MESSAGES over LANG; an empty one does not count.
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "zh_TW"),
                ("LANG", "C")
            ])),
            Lang::Zh
        );
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
