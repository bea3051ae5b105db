# bash completion for rsconn (installed as share/bash-completion/completions/rsconn).
# Subcommands, their flags, and the values of --to, --from and --form. Kept in step with the
# CLI by tests/cli/cli_manual.py.

_rsconn() {
  local cur prev
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev=""
  [ "${COMP_CWORD}" -gt 0 ] && prev="${COMP_WORDS[COMP_CWORD - 1]}"

  local commands="parse check convert build options"
  local targets="jdbc jdbc-iam jdbc-iam-legacy odbc endpoint libpq libpq-uri rsql data-api sqlalchemy"
  local sources="jdbc odbc libpq libpq-keywords libpq-uri endpoint host sqlalchemy"
  local drivers="jdbc odbc python libpq"

  # The subcommand: the first word after rsconn that is not a flag.
  local command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "${COMP_WORDS[i]}" in
      -*) ;;
      *) command="${COMP_WORDS[i]}"; break ;;
    esac
  done
  if [ -z "${command}" ]; then
    mapfile -t COMPREPLY < <(compgen -W "${commands} --help --version" -- "${cur}")
    return 0
  fi

  case "${prev}" in
    --to) mapfile -t COMPREPLY < <(compgen -W "${targets}" -- "${cur}"); return 0 ;;
    --from) mapfile -t COMPREPLY < <(compgen -W "${sources}" -- "${cur}"); return 0 ;;
    --form) mapfile -t COMPREPLY < <(compgen -W "${drivers}" -- "${cur}"); return 0 ;;
    --driver | --hostaddr | --workgroup | --account | --region | --port | --database | --user)
      COMPREPLY=(); return 0 ;;
  esac

  local flags=""
  case "${command}" in
    parse) flags="--json --from --show-secrets --help" ;;
    check) flags="--from --help" ;;
    convert) flags="--to --driver --hostaddr --drop-unknown --keep-unknown --show-secrets --from --help" ;;
    build) flags="--workgroup --account --region --port --database --user --to --driver --hostaddr --show-secrets --help" ;;
    options) flags="--form --json --markdown --help" ;;
  esac
  if [[ "${cur}" == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "${flags}" -- "${cur}")
  else
    COMPREPLY=()  # a connection string, or '-' for stdin: nothing to offer
  fi
  return 0
}
complete -F _rsconn rsconn
