import { APR_01 } from './apr-01.ts';
import { DIS_01 } from './dis-01.ts';
import { ELG_01 } from './elg-01.ts';
import { JAM_01 } from './jam-01.ts';
import { LAP_01 } from './lap-01.ts';
import { LOK_01 } from './lok-01.ts';
import { LOK_02 } from './lok-02.ts';
import type { RuleDefinition } from './rule.ts';

/** The catalogue (docs/rules.md, The rules), in the order screens and the workbook list it: the only registry of rules. */
export const RULES: readonly RuleDefinition[] = [LOK_01, LOK_02, ELG_01, JAM_01, APR_01, LAP_01, DIS_01];
