//! One run's settings, built once from the common arguments and planlint.toml (as ripgrep turns
//! its flags into one `HiArgs`): the configuration, the rule data in the chosen language, the
//! input encoding, the size limit and the rule set. Every command reads them from here.

use crate::cli::InputArgs;
use crate::config::{self, Config, ConfigError};
use crate::data::{DataError, Lang, RuleData};
use crate::rules::{verify_catalogue, RuleSet, UnknownRule};
use crate::source::Encoding;
use std::path::{Path, PathBuf};

/// What every command that reads plans needs, validated once.
pub struct Session {
    /// planlint.toml (empty when there is none, or with `--no-config`).
    pub config: Config,
    /// The rule data (the config's data directories, then `--rules`), with `data.lang` the
    /// language of the run: `--lang`, else the config's `lang`, else the locale.
    pub data: RuleData,
    /// `--encoding`, when given.
    pub encoding: Option<Encoding>,
    /// Inputs larger than this many bytes are refused: `--max-size`, else the config's, else
    /// the default.
    pub max_size: u64,
    /// The rules enabled (select and skip of the config and the command line) with the
    /// config's severities.
    pub set: RuleSet,
}

/// Where the settings come from: the arguments every plan-reading command shares.
pub struct Common<'a> {
    /// `--config`.
    pub config: Option<&'a Path>,
    /// `--no-config`.
    pub no_config: bool,
    /// `--lang`.
    pub lang: Option<Lang>,
    /// `--encoding`, `--rules`, `--max-size`.
    pub input: &'a InputArgs,
    /// `--select`: the rules to check with, over the config's `select` when not empty.
    pub select: &'a [String],
    /// `--ignore`: rules skipped besides the config's `skip`.
    pub ignore: &'a [String],
}

/// Why the settings could not be built; the commands word it for standard error.
pub enum Failure {
    Config(ConfigError),
    Data(DataError),
    /// A rule name in select, skip or a severity that no rule has.
    UnknownRule {
        name: String,
        lang: Lang,
    },
    /// Anything else, already worded.
    Message(String),
}

impl Session {
    /// Reads the configuration, then the rule data, then the encoding and size limit, then the
    /// rule set, in that order (the first failure is the one reported).
    pub fn new(common: &Common) -> Result<Session, Failure> {
        let config = load_config(common.config, common.no_config)?;
        let mut dirs = config.data_dirs.clone();
        dirs.extend(common.input.rules.iter().cloned());
        let mut data = load_rules(&dirs)?;
        data.lang = common.lang.or(config.lang).unwrap_or_else(Lang::from_env);
        let lang = data.lang;
        let encoding = encoding(common.input)?;
        let max_size = common
            .input
            .max_size
            .or(config.max_size)
            .unwrap_or(crate::input::DEFAULT_MAX_SIZE);
        let select = if common.select.is_empty() {
            &config.select
        } else {
            common.select
        };
        let skip: Vec<String> = config.skip.iter().chain(common.ignore).cloned().collect();
        let unknown = |u: UnknownRule| Failure::UnknownRule { name: u.0, lang };
        let mut set = RuleSet::new(&data.catalogue, select, &skip).map_err(unknown)?;
        for (rule, severity) in &config.severities {
            set.set_severity(&data.catalogue, rule, *severity)
                .map_err(unknown)?;
        }
        Ok(Session {
            config,
            data,
            encoding,
            max_size,
            set,
        })
    }

    /// The language of the run.
    pub fn lang(&self) -> Lang {
        self.data.lang
    }

    /// The rules chosen by select (the command line's, else the config's).
    pub fn select<'a>(&'a self, common: &'a Common) -> &'a [String] {
        if common.select.is_empty() {
            &self.config.select
        } else {
            common.select
        }
    }

    /// The rules skipped: the config's, then the command line's.
    pub fn skip(&self, common: &Common) -> Vec<String> {
        self.config
            .skip
            .iter()
            .chain(common.ignore)
            .cloned()
            .collect()
    }
}

/// The rule data: built in, or from directories (each file from the last one holding it),
/// checked against the rules the code has.
pub fn load_rules(dirs: &[PathBuf]) -> Result<RuleData, Failure> {
    let data = if dirs.is_empty() {
        RuleData::builtin()
    } else {
        RuleData::from_dirs(dirs, crate::input::read_text).map_err(Failure::Data)?
    };
    verify_catalogue(&data.catalogue).map_err(Failure::Message)?;
    Ok(data)
}

/// planlint.toml: named, found by walking up, or none.
pub fn load_config(explicit: Option<&Path>, none: bool) -> Result<Config, Failure> {
    match config::locate(explicit, none) {
        None => Ok(Config::default()),
        Some(path) => {
            // Rule names are the code's, whatever data directories say: the built-in
            // catalogue validates the config that may name those directories.
            config::load(&path, &RuleData::builtin().catalogue).map_err(Failure::Config)
        }
    }
}

/// `--encoding`, when given and known.
pub fn encoding(args: &InputArgs) -> Result<Option<Encoding>, Failure> {
    match &args.encoding {
        None => Ok(None),
        Some(e) => Encoding::parse(e).map(Some).ok_or_else(|| {
            Failure::Message(format!(
                "unknown encoding `{e}` (use utf-8, utf-16le, utf-16be or gb18030)"
            ))
        }),
    }
}
