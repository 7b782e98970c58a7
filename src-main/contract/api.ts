import type { CompareRequest, CompareResult } from './compare-types.ts';
import type {
  ExportRejectsRequest,
  ExportRejectsResult,
  ExportTableRequest,
  ExportTableResult,
  ExportWorkbookRequest,
  ExportWorkbookResult,
} from './export-types.ts';
import type { CallOptions } from './progress.ts';
import type { ListRecordsRequest, ListRecordsResult } from './records-types.ts';
import type {
  BatchRejectsRequest,
  BatchRejectsResult,
  ImportFilesRequest,
  ImportFilesResult,
  ListImportsRequest,
  ListImportsResult,
  ListRecipesResult,
  PreviewImportRequest,
  PreviewImportResult,
  RecipeEntry,
  SaveRecipeRequest,
  UndoImportRequest,
  UndoImportResult,
} from './import-types.ts';
import type {
  EffectiveProfile,
  GetProfileRequest,
  ImportProfilesRequest,
  ImportProfilesResult,
  ProfilesFile,
  ListRulesResult,
  RunChecksRequest,
  RunChecksResult,
  RunFindingsRequest,
  RunFindingsResult,
  RunNotesRequest,
  RunNotesResult,
  SetProfileRequest,
} from './rules-types.ts';
import type { ViewsApi } from './views-types.ts';

/** The one API of Pantau. Every transport (in-process, IPC, HTTP) carries exactly this. */
export interface CoreApi extends ViewsApi {
  importFiles(req: ImportFilesRequest, opts?: CallOptions): Promise<ImportFilesResult>;
  previewImport(req: PreviewImportRequest, opts?: CallOptions): Promise<PreviewImportResult>;
  listImports(req: ListImportsRequest, opts?: CallOptions): Promise<ListImportsResult>;
  undoImport(req: UndoImportRequest, opts?: CallOptions): Promise<UndoImportResult>;
  batchRejects(req: BatchRejectsRequest, opts?: CallOptions): Promise<BatchRejectsResult>;
  listRecipes(req: Record<string, never>, opts?: CallOptions): Promise<ListRecipesResult>;
  saveRecipe(req: SaveRecipeRequest, opts?: CallOptions): Promise<RecipeEntry>;
  listRules(req: Record<string, never>, opts?: CallOptions): Promise<ListRulesResult>;
  getProfile(req: GetProfileRequest, opts?: CallOptions): Promise<EffectiveProfile>;
  setProfile(req: SetProfileRequest, opts?: CallOptions): Promise<EffectiveProfile>;
  exportProfiles(req: Record<string, never>, opts?: CallOptions): Promise<ProfilesFile>;
  importProfiles(req: ImportProfilesRequest, opts?: CallOptions): Promise<ImportProfilesResult>;
  runChecks(req: RunChecksRequest, opts?: CallOptions): Promise<RunChecksResult>;
  runFindings(req: RunFindingsRequest, opts?: CallOptions): Promise<RunFindingsResult>;
  runNotes(req: RunNotesRequest, opts?: CallOptions): Promise<RunNotesResult>;
  compare(req: CompareRequest, opts?: CallOptions): Promise<CompareResult>;
  exportWorkbook(req: ExportWorkbookRequest, opts?: CallOptions): Promise<ExportWorkbookResult>;
  exportRejects(req: ExportRejectsRequest, opts?: CallOptions): Promise<ExportRejectsResult>;
  exportTable(req: ExportTableRequest, opts?: CallOptions): Promise<ExportTableResult>;
  listRecords(req: ListRecordsRequest, opts?: CallOptions): Promise<ListRecordsResult>;
}

export type MethodName = keyof CoreApi;
export type RequestOf<M extends MethodName> = Parameters<CoreApi[M]>[0];
export type ResultOf<M extends MethodName> = Awaited<ReturnType<CoreApi[M]>>;
