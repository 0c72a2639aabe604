// Generated from specs/vectara/openapi.yaml by packages/types/scripts/generate.ts. Do not edit: run `pnpm generate`.
// @ts-nocheck: ajv's standalone code is plain JavaScript; the table at the end carries the types.
import type { ResponseValidator } from '../response-validator.js';
import { formats, ucs2length } from '../validator-runtime.js';

const validate_components_schemas_ListAgentSessionsResponse = validate11;
const schema12 = {"type":"object","required":["sessions","metadata"],"properties":{"sessions":{"type":"array","items":{"$ref":"#/components/schemas/AgentSession"}},"metadata":{"$ref":"#/components/schemas/ListMetadata"}}};
const schema20 = {"type":"object","properties":{"page_key":{"type":"string"}}};
const schema13 = {"type":"object","required":["key","name","agent_key","enabled","created_at"],"properties":{"key":{"$ref":"#/components/schemas/AgentSessionKey"},"agent_key":{"$ref":"#/components/schemas/AgentKey"},"name":{"type":"string"},"description":{"type":"string"},"metadata":{"type":"object","additionalProperties":{}},"current_step_name":{"type":"string","nullable":true},"enabled":{"type":"boolean","default":true},"status":{"type":"string","enum":["unstarted","running","stopped"],"readOnly":true},"created_by_agent_key":{"type":"string","nullable":true,"pattern":"^[0-9a-zA-Z_-]+$","minLength":1,"maxLength":50,"readOnly":true},"created_by_session_key":{"type":"string","nullable":true,"pattern":"^[0-9a-zA-Z_-]+$","minLength":1,"maxLength":50,"readOnly":true},"tti_minutes":{"type":"integer","format":"int64","minimum":0,"default":0},"created_at":{"type":"string","format":"date-time"},"session_context_usage":{"$ref":"#/components/schemas/SessionContextUsage"},"effective_compaction":{"$ref":"#/components/schemas/CompactionConfig"},"alias_key":{"type":"string","nullable":true},"secrets":{"type":"object","additionalProperties":{"type":"string"}}}};
const schema14 = {"type":"string","pattern":"^[0-9a-zA-Z_-]+$","minLength":1,"maxLength":50};
const schema15 = {"type":"string","pattern":"^[0-9a-zA-Z_-]+$","minLength":1,"maxLength":50};
const schema19 = {"type":"object","properties":{"enabled":{"type":"boolean","default":true},"threshold_percent":{"type":"integer","minimum":50,"maximum":95,"default":80},"keep_recent_inputs":{"type":"integer","minimum":1,"default":1},"compaction_message":{"type":"string","maxLength":10000},"tool_event_policy":{"type":"string","enum":["exclude","include_outputs","include_all"],"default":"include_outputs"}}};
const func2 = ucs2length;
const pattern0 = new RegExp("^[0-9a-zA-Z_-]+$", "u");
const formats0 = formats["int64"];
const formats2 = formats["date-time"];
const schema16 = {"type":"object","properties":{"input_tokens":{"$ref":"#/components/schemas/InputTokens"},"output_tokens":{"$ref":"#/components/schemas/OutputTokens"},"total_tokens":{"type":"integer","format":"int64"},"model_context_window":{"type":"integer","format":"int64"}}};
const schema17 = {"type":"object","properties":{"count":{"type":"integer","format":"int64"},"cached_tokens":{"type":"integer","format":"int64"}}};
const schema18 = {"type":"object","properties":{"count":{"type":"integer","format":"int64"},"reasoning_tokens":{"type":"integer","format":"int64"}}};

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.input_tokens !== undefined){
let data0 = data.input_tokens;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.count !== undefined){
let data1 = data0.count;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
const err0 = {instancePath:instancePath+"/input_tokens/count",schemaPath:"#/components/schemas/InputTokens/properties/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(typeof data1 == "number"){
if(!(formats0.validate(data1))){
const err1 = {instancePath:instancePath+"/input_tokens/count",schemaPath:"#/components/schemas/InputTokens/properties/count/format",keyword:"format",params:{format: "int64"},message:"must match format \""+"int64"+"\""};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
if(data0.cached_tokens !== undefined){
let data2 = data0.cached_tokens;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
const err2 = {instancePath:instancePath+"/input_tokens/cached_tokens",schemaPath:"#/components/schemas/InputTokens/properties/cached_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(typeof data2 == "number"){
if(!(formats0.validate(data2))){
const err3 = {instancePath:instancePath+"/input_tokens/cached_tokens",schemaPath:"#/components/schemas/InputTokens/properties/cached_tokens/format",keyword:"format",params:{format: "int64"},message:"must match format \""+"int64"+"\""};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
}
else {
const err4 = {instancePath:instancePath+"/input_tokens",schemaPath:"#/components/schemas/InputTokens/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.output_tokens !== undefined){
let data3 = data.output_tokens;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.count !== undefined){
let data4 = data3.count;
if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){
const err5 = {instancePath:instancePath+"/output_tokens/count",schemaPath:"#/components/schemas/OutputTokens/properties/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(typeof data4 == "number"){
if(!(formats0.validate(data4))){
const err6 = {instancePath:instancePath+"/output_tokens/count",schemaPath:"#/components/schemas/OutputTokens/properties/count/format",keyword:"format",params:{format: "int64"},message:"must match format \""+"int64"+"\""};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
if(data3.reasoning_tokens !== undefined){
let data5 = data3.reasoning_tokens;
if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){
const err7 = {instancePath:instancePath+"/output_tokens/reasoning_tokens",schemaPath:"#/components/schemas/OutputTokens/properties/reasoning_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(typeof data5 == "number"){
if(!(formats0.validate(data5))){
const err8 = {instancePath:instancePath+"/output_tokens/reasoning_tokens",schemaPath:"#/components/schemas/OutputTokens/properties/reasoning_tokens/format",keyword:"format",params:{format: "int64"},message:"must match format \""+"int64"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
}
else {
const err9 = {instancePath:instancePath+"/output_tokens",schemaPath:"#/components/schemas/OutputTokens/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.total_tokens !== undefined){
let data6 = data.total_tokens;
if(!((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6)))){
const err10 = {instancePath:instancePath+"/total_tokens",schemaPath:"#/properties/total_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(typeof data6 == "number"){
if(!(formats0.validate(data6))){
const err11 = {instancePath:instancePath+"/total_tokens",schemaPath:"#/properties/total_tokens/format",keyword:"format",params:{format: "int64"},message:"must match format \""+"int64"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
if(data.model_context_window !== undefined){
let data7 = data.model_context_window;
if(!((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7)))){
const err12 = {instancePath:instancePath+"/model_context_window",schemaPath:"#/properties/model_context_window/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(typeof data7 == "number"){
if(!(formats0.validate(data7))){
const err13 = {instancePath:instancePath+"/model_context_window",schemaPath:"#/properties/model_context_window/format",keyword:"format",params:{format: "int64"},message:"must match format \""+"int64"+"\""};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
validate13.errors = vErrors;
return errors === 0;
}


function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.key === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.agent_key === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "agent_key"},message:"must have required property '"+"agent_key"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.enabled === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "enabled"},message:"must have required property '"+"enabled"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.created_at === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "created_at"},message:"must have required property '"+"created_at"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.key !== undefined){
let data0 = data.key;
if(typeof data0 === "string"){
if(func2(data0) > 50){
const err5 = {instancePath:instancePath+"/key",schemaPath:"#/components/schemas/AgentSessionKey/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(func2(data0) < 1){
const err6 = {instancePath:instancePath+"/key",schemaPath:"#/components/schemas/AgentSessionKey/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!pattern0.test(data0)){
const err7 = {instancePath:instancePath+"/key",schemaPath:"#/components/schemas/AgentSessionKey/pattern",keyword:"pattern",params:{pattern: "^[0-9a-zA-Z_-]+$"},message:"must match pattern \""+"^[0-9a-zA-Z_-]+$"+"\""};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/key",schemaPath:"#/components/schemas/AgentSessionKey/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.agent_key !== undefined){
let data1 = data.agent_key;
if(typeof data1 === "string"){
if(func2(data1) > 50){
const err9 = {instancePath:instancePath+"/agent_key",schemaPath:"#/components/schemas/AgentKey/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(func2(data1) < 1){
const err10 = {instancePath:instancePath+"/agent_key",schemaPath:"#/components/schemas/AgentKey/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!pattern0.test(data1)){
const err11 = {instancePath:instancePath+"/agent_key",schemaPath:"#/components/schemas/AgentKey/pattern",keyword:"pattern",params:{pattern: "^[0-9a-zA-Z_-]+$"},message:"must match pattern \""+"^[0-9a-zA-Z_-]+$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/agent_key",schemaPath:"#/components/schemas/AgentKey/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.name !== undefined){
if(typeof data.name !== "string"){
const err13 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.description !== undefined){
if(typeof data.description !== "string"){
const err14 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.metadata !== undefined){
let data4 = data.metadata;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
}
else {
const err15 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.current_step_name !== undefined){
let data5 = data.current_step_name;
if((typeof data5 !== "string") && (data5 !== null)){
const err16 = {instancePath:instancePath+"/current_step_name",schemaPath:"#/properties/current_step_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.enabled !== undefined){
if(typeof data.enabled !== "boolean"){
const err17 = {instancePath:instancePath+"/enabled",schemaPath:"#/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.status !== undefined){
let data7 = data.status;
if(typeof data7 !== "string"){
const err18 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(!(((data7 === "unstarted") || (data7 === "running")) || (data7 === "stopped"))){
const err19 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema13.properties.status.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.created_by_agent_key !== undefined){
let data8 = data.created_by_agent_key;
if((typeof data8 !== "string") && (data8 !== null)){
const err20 = {instancePath:instancePath+"/created_by_agent_key",schemaPath:"#/properties/created_by_agent_key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(typeof data8 === "string"){
if(func2(data8) > 50){
const err21 = {instancePath:instancePath+"/created_by_agent_key",schemaPath:"#/properties/created_by_agent_key/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(func2(data8) < 1){
const err22 = {instancePath:instancePath+"/created_by_agent_key",schemaPath:"#/properties/created_by_agent_key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(!pattern0.test(data8)){
const err23 = {instancePath:instancePath+"/created_by_agent_key",schemaPath:"#/properties/created_by_agent_key/pattern",keyword:"pattern",params:{pattern: "^[0-9a-zA-Z_-]+$"},message:"must match pattern \""+"^[0-9a-zA-Z_-]+$"+"\""};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
if(data.created_by_session_key !== undefined){
let data9 = data.created_by_session_key;
if((typeof data9 !== "string") && (data9 !== null)){
const err24 = {instancePath:instancePath+"/created_by_session_key",schemaPath:"#/properties/created_by_session_key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(typeof data9 === "string"){
if(func2(data9) > 50){
const err25 = {instancePath:instancePath+"/created_by_session_key",schemaPath:"#/properties/created_by_session_key/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(func2(data9) < 1){
const err26 = {instancePath:instancePath+"/created_by_session_key",schemaPath:"#/properties/created_by_session_key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(!pattern0.test(data9)){
const err27 = {instancePath:instancePath+"/created_by_session_key",schemaPath:"#/properties/created_by_session_key/pattern",keyword:"pattern",params:{pattern: "^[0-9a-zA-Z_-]+$"},message:"must match pattern \""+"^[0-9a-zA-Z_-]+$"+"\""};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
if(data.tti_minutes !== undefined){
let data10 = data.tti_minutes;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
const err28 = {instancePath:instancePath+"/tti_minutes",schemaPath:"#/properties/tti_minutes/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(typeof data10 == "number"){
if(data10 < 0 || isNaN(data10)){
const err29 = {instancePath:instancePath+"/tti_minutes",schemaPath:"#/properties/tti_minutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(!(formats0.validate(data10))){
const err30 = {instancePath:instancePath+"/tti_minutes",schemaPath:"#/properties/tti_minutes/format",keyword:"format",params:{format: "int64"},message:"must match format \""+"int64"+"\""};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
if(data.created_at !== undefined){
let data11 = data.created_at;
if(typeof data11 === "string"){
if(!(formats2.validate(data11))){
const err31 = {instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.session_context_usage !== undefined){
if(!(validate13(data.session_context_usage, {instancePath:instancePath+"/session_context_usage",parentData:data,parentDataProperty:"session_context_usage",rootData}))){
vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
errors = vErrors.length;
}
}
if(data.effective_compaction !== undefined){
let data13 = data.effective_compaction;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.enabled !== undefined){
if(typeof data13.enabled !== "boolean"){
const err33 = {instancePath:instancePath+"/effective_compaction/enabled",schemaPath:"#/components/schemas/CompactionConfig/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data13.threshold_percent !== undefined){
let data15 = data13.threshold_percent;
if(!((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15)))){
const err34 = {instancePath:instancePath+"/effective_compaction/threshold_percent",schemaPath:"#/components/schemas/CompactionConfig/properties/threshold_percent/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(typeof data15 == "number"){
if(data15 > 95 || isNaN(data15)){
const err35 = {instancePath:instancePath+"/effective_compaction/threshold_percent",schemaPath:"#/components/schemas/CompactionConfig/properties/threshold_percent/maximum",keyword:"maximum",params:{comparison: "<=", limit: 95},message:"must be <= 95"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(data15 < 50 || isNaN(data15)){
const err36 = {instancePath:instancePath+"/effective_compaction/threshold_percent",schemaPath:"#/components/schemas/CompactionConfig/properties/threshold_percent/minimum",keyword:"minimum",params:{comparison: ">=", limit: 50},message:"must be >= 50"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
if(data13.keep_recent_inputs !== undefined){
let data16 = data13.keep_recent_inputs;
if(!((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16)))){
const err37 = {instancePath:instancePath+"/effective_compaction/keep_recent_inputs",schemaPath:"#/components/schemas/CompactionConfig/properties/keep_recent_inputs/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(typeof data16 == "number"){
if(data16 < 1 || isNaN(data16)){
const err38 = {instancePath:instancePath+"/effective_compaction/keep_recent_inputs",schemaPath:"#/components/schemas/CompactionConfig/properties/keep_recent_inputs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
if(data13.compaction_message !== undefined){
let data17 = data13.compaction_message;
if(typeof data17 === "string"){
if(func2(data17) > 10000){
const err39 = {instancePath:instancePath+"/effective_compaction/compaction_message",schemaPath:"#/components/schemas/CompactionConfig/properties/compaction_message/maxLength",keyword:"maxLength",params:{limit: 10000},message:"must NOT have more than 10000 characters"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
else {
const err40 = {instancePath:instancePath+"/effective_compaction/compaction_message",schemaPath:"#/components/schemas/CompactionConfig/properties/compaction_message/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data13.tool_event_policy !== undefined){
let data18 = data13.tool_event_policy;
if(typeof data18 !== "string"){
const err41 = {instancePath:instancePath+"/effective_compaction/tool_event_policy",schemaPath:"#/components/schemas/CompactionConfig/properties/tool_event_policy/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if(!(((data18 === "exclude") || (data18 === "include_outputs")) || (data18 === "include_all"))){
const err42 = {instancePath:instancePath+"/effective_compaction/tool_event_policy",schemaPath:"#/components/schemas/CompactionConfig/properties/tool_event_policy/enum",keyword:"enum",params:{allowedValues: schema19.properties.tool_event_policy.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/effective_compaction",schemaPath:"#/components/schemas/CompactionConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data.alias_key !== undefined){
let data19 = data.alias_key;
if((typeof data19 !== "string") && (data19 !== null)){
const err44 = {instancePath:instancePath+"/alias_key",schemaPath:"#/properties/alias_key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data.secrets !== undefined){
let data20 = data.secrets;
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
for(const key0 in data20){
if(typeof data20[key0] !== "string"){
const err45 = {instancePath:instancePath+"/secrets/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/secrets/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
}
else {
const err46 = {instancePath:instancePath+"/secrets",schemaPath:"#/properties/secrets/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
else {
const err47 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
validate12.errors = vErrors;
return errors === 0;
}


function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.sessions === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "sessions"},message:"must have required property '"+"sessions"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.metadata === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.sessions !== undefined){
let data0 = data.sessions;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
if(!(validate12(data0[i0], {instancePath:instancePath+"/sessions/" + i0,parentData:data0,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
}
}
else {
const err2 = {instancePath:instancePath+"/sessions",schemaPath:"#/properties/sessions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.page_key !== undefined){
if(typeof data2.page_key !== "string"){
const err3 = {instancePath:instancePath+"/metadata/page_key",schemaPath:"#/components/schemas/ListMetadata/properties/page_key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath:instancePath+"/metadata",schemaPath:"#/components/schemas/ListMetadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

const validate_components_schemas_BadRequestError = validate16;
const schema21 = {"type":"object","properties":{"field_errors":{"type":"object","additionalProperties":{"type":"string"}},"messages":{"type":"array","items":{"type":"string"}},"request_id":{"type":"string"}}};

function validate16(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.field_errors !== undefined){
let data0 = data.field_errors;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
if(typeof data0[key0] !== "string"){
const err0 = {instancePath:instancePath+"/field_errors/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/field_errors/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
else {
const err1 = {instancePath:instancePath+"/field_errors",schemaPath:"#/properties/field_errors/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.messages !== undefined){
let data2 = data.messages;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
if(typeof data2[i0] !== "string"){
const err2 = {instancePath:instancePath+"/messages/" + i0,schemaPath:"#/properties/messages/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath:instancePath+"/messages",schemaPath:"#/properties/messages/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.request_id !== undefined){
if(typeof data.request_id !== "string"){
const err4 = {instancePath:instancePath+"/request_id",schemaPath:"#/properties/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
validate16.errors = vErrors;
return errors === 0;
}

const validate_components_schemas_Error = validate17;
const schema22 = {"type":"object","properties":{"messages":{"type":"array","items":{"type":"string"}},"request_id":{"type":"string"}}};

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.messages !== undefined){
let data0 = data.messages;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
if(typeof data0[i0] !== "string"){
const err0 = {instancePath:instancePath+"/messages/" + i0,schemaPath:"#/properties/messages/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
else {
const err1 = {instancePath:instancePath+"/messages",schemaPath:"#/properties/messages/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.request_id !== undefined){
if(typeof data.request_id !== "string"){
const err2 = {instancePath:instancePath+"/request_id",schemaPath:"#/properties/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
validate17.errors = vErrors;
return errors === 0;
}

const validate_components_schemas_NotFoundError = validate18;
const schema23 = {"type":"object","properties":{"id":{"type":"string"},"messages":{"type":"array","items":{"type":"string"}},"request_id":{"type":"string"}}};

function validate18(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id !== undefined){
if(typeof data.id !== "string"){
const err0 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.messages !== undefined){
let data1 = data.messages;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
if(typeof data1[i0] !== "string"){
const err1 = {instancePath:instancePath+"/messages/" + i0,schemaPath:"#/properties/messages/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
else {
const err2 = {instancePath:instancePath+"/messages",schemaPath:"#/properties/messages/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.request_id !== undefined){
if(typeof data.request_id !== "string"){
const err3 = {instancePath:instancePath+"/request_id",schemaPath:"#/properties/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate18.errors = vErrors;
return errors === 0;
}

const validate_components_schemas_AgentSession = validate19;

function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.key === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.agent_key === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "agent_key"},message:"must have required property '"+"agent_key"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.enabled === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "enabled"},message:"must have required property '"+"enabled"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.created_at === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "created_at"},message:"must have required property '"+"created_at"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.key !== undefined){
let data0 = data.key;
if(typeof data0 === "string"){
if(func2(data0) > 50){
const err5 = {instancePath:instancePath+"/key",schemaPath:"#/components/schemas/AgentSessionKey/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(func2(data0) < 1){
const err6 = {instancePath:instancePath+"/key",schemaPath:"#/components/schemas/AgentSessionKey/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!pattern0.test(data0)){
const err7 = {instancePath:instancePath+"/key",schemaPath:"#/components/schemas/AgentSessionKey/pattern",keyword:"pattern",params:{pattern: "^[0-9a-zA-Z_-]+$"},message:"must match pattern \""+"^[0-9a-zA-Z_-]+$"+"\""};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/key",schemaPath:"#/components/schemas/AgentSessionKey/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.agent_key !== undefined){
let data1 = data.agent_key;
if(typeof data1 === "string"){
if(func2(data1) > 50){
const err9 = {instancePath:instancePath+"/agent_key",schemaPath:"#/components/schemas/AgentKey/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(func2(data1) < 1){
const err10 = {instancePath:instancePath+"/agent_key",schemaPath:"#/components/schemas/AgentKey/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!pattern0.test(data1)){
const err11 = {instancePath:instancePath+"/agent_key",schemaPath:"#/components/schemas/AgentKey/pattern",keyword:"pattern",params:{pattern: "^[0-9a-zA-Z_-]+$"},message:"must match pattern \""+"^[0-9a-zA-Z_-]+$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/agent_key",schemaPath:"#/components/schemas/AgentKey/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.name !== undefined){
if(typeof data.name !== "string"){
const err13 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.description !== undefined){
if(typeof data.description !== "string"){
const err14 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.metadata !== undefined){
let data4 = data.metadata;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
}
else {
const err15 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.current_step_name !== undefined){
let data5 = data.current_step_name;
if((typeof data5 !== "string") && (data5 !== null)){
const err16 = {instancePath:instancePath+"/current_step_name",schemaPath:"#/properties/current_step_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.enabled !== undefined){
if(typeof data.enabled !== "boolean"){
const err17 = {instancePath:instancePath+"/enabled",schemaPath:"#/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.status !== undefined){
let data7 = data.status;
if(typeof data7 !== "string"){
const err18 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(!(((data7 === "unstarted") || (data7 === "running")) || (data7 === "stopped"))){
const err19 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema13.properties.status.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.created_by_agent_key !== undefined){
let data8 = data.created_by_agent_key;
if((typeof data8 !== "string") && (data8 !== null)){
const err20 = {instancePath:instancePath+"/created_by_agent_key",schemaPath:"#/properties/created_by_agent_key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(typeof data8 === "string"){
if(func2(data8) > 50){
const err21 = {instancePath:instancePath+"/created_by_agent_key",schemaPath:"#/properties/created_by_agent_key/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(func2(data8) < 1){
const err22 = {instancePath:instancePath+"/created_by_agent_key",schemaPath:"#/properties/created_by_agent_key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(!pattern0.test(data8)){
const err23 = {instancePath:instancePath+"/created_by_agent_key",schemaPath:"#/properties/created_by_agent_key/pattern",keyword:"pattern",params:{pattern: "^[0-9a-zA-Z_-]+$"},message:"must match pattern \""+"^[0-9a-zA-Z_-]+$"+"\""};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
if(data.created_by_session_key !== undefined){
let data9 = data.created_by_session_key;
if((typeof data9 !== "string") && (data9 !== null)){
const err24 = {instancePath:instancePath+"/created_by_session_key",schemaPath:"#/properties/created_by_session_key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(typeof data9 === "string"){
if(func2(data9) > 50){
const err25 = {instancePath:instancePath+"/created_by_session_key",schemaPath:"#/properties/created_by_session_key/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(func2(data9) < 1){
const err26 = {instancePath:instancePath+"/created_by_session_key",schemaPath:"#/properties/created_by_session_key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(!pattern0.test(data9)){
const err27 = {instancePath:instancePath+"/created_by_session_key",schemaPath:"#/properties/created_by_session_key/pattern",keyword:"pattern",params:{pattern: "^[0-9a-zA-Z_-]+$"},message:"must match pattern \""+"^[0-9a-zA-Z_-]+$"+"\""};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
if(data.tti_minutes !== undefined){
let data10 = data.tti_minutes;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
const err28 = {instancePath:instancePath+"/tti_minutes",schemaPath:"#/properties/tti_minutes/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(typeof data10 == "number"){
if(data10 < 0 || isNaN(data10)){
const err29 = {instancePath:instancePath+"/tti_minutes",schemaPath:"#/properties/tti_minutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(!(formats0.validate(data10))){
const err30 = {instancePath:instancePath+"/tti_minutes",schemaPath:"#/properties/tti_minutes/format",keyword:"format",params:{format: "int64"},message:"must match format \""+"int64"+"\""};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
if(data.created_at !== undefined){
let data11 = data.created_at;
if(typeof data11 === "string"){
if(!(formats2.validate(data11))){
const err31 = {instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.session_context_usage !== undefined){
if(!(validate13(data.session_context_usage, {instancePath:instancePath+"/session_context_usage",parentData:data,parentDataProperty:"session_context_usage",rootData}))){
vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
errors = vErrors.length;
}
}
if(data.effective_compaction !== undefined){
let data13 = data.effective_compaction;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.enabled !== undefined){
if(typeof data13.enabled !== "boolean"){
const err33 = {instancePath:instancePath+"/effective_compaction/enabled",schemaPath:"#/components/schemas/CompactionConfig/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data13.threshold_percent !== undefined){
let data15 = data13.threshold_percent;
if(!((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15)))){
const err34 = {instancePath:instancePath+"/effective_compaction/threshold_percent",schemaPath:"#/components/schemas/CompactionConfig/properties/threshold_percent/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(typeof data15 == "number"){
if(data15 > 95 || isNaN(data15)){
const err35 = {instancePath:instancePath+"/effective_compaction/threshold_percent",schemaPath:"#/components/schemas/CompactionConfig/properties/threshold_percent/maximum",keyword:"maximum",params:{comparison: "<=", limit: 95},message:"must be <= 95"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(data15 < 50 || isNaN(data15)){
const err36 = {instancePath:instancePath+"/effective_compaction/threshold_percent",schemaPath:"#/components/schemas/CompactionConfig/properties/threshold_percent/minimum",keyword:"minimum",params:{comparison: ">=", limit: 50},message:"must be >= 50"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
if(data13.keep_recent_inputs !== undefined){
let data16 = data13.keep_recent_inputs;
if(!((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16)))){
const err37 = {instancePath:instancePath+"/effective_compaction/keep_recent_inputs",schemaPath:"#/components/schemas/CompactionConfig/properties/keep_recent_inputs/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(typeof data16 == "number"){
if(data16 < 1 || isNaN(data16)){
const err38 = {instancePath:instancePath+"/effective_compaction/keep_recent_inputs",schemaPath:"#/components/schemas/CompactionConfig/properties/keep_recent_inputs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
if(data13.compaction_message !== undefined){
let data17 = data13.compaction_message;
if(typeof data17 === "string"){
if(func2(data17) > 10000){
const err39 = {instancePath:instancePath+"/effective_compaction/compaction_message",schemaPath:"#/components/schemas/CompactionConfig/properties/compaction_message/maxLength",keyword:"maxLength",params:{limit: 10000},message:"must NOT have more than 10000 characters"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
else {
const err40 = {instancePath:instancePath+"/effective_compaction/compaction_message",schemaPath:"#/components/schemas/CompactionConfig/properties/compaction_message/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data13.tool_event_policy !== undefined){
let data18 = data13.tool_event_policy;
if(typeof data18 !== "string"){
const err41 = {instancePath:instancePath+"/effective_compaction/tool_event_policy",schemaPath:"#/components/schemas/CompactionConfig/properties/tool_event_policy/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if(!(((data18 === "exclude") || (data18 === "include_outputs")) || (data18 === "include_all"))){
const err42 = {instancePath:instancePath+"/effective_compaction/tool_event_policy",schemaPath:"#/components/schemas/CompactionConfig/properties/tool_event_policy/enum",keyword:"enum",params:{allowedValues: schema19.properties.tool_event_policy.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/effective_compaction",schemaPath:"#/components/schemas/CompactionConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data.alias_key !== undefined){
let data19 = data.alias_key;
if((typeof data19 !== "string") && (data19 !== null)){
const err44 = {instancePath:instancePath+"/alias_key",schemaPath:"#/properties/alias_key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data.secrets !== undefined){
let data20 = data.secrets;
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
for(const key0 in data20){
if(typeof data20[key0] !== "string"){
const err45 = {instancePath:instancePath+"/secrets/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/secrets/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
}
else {
const err46 = {instancePath:instancePath+"/secrets",schemaPath:"#/properties/secrets/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
else {
const err47 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
validate19.errors = vErrors;
return errors === 0;
}

/** Each operation's response validators, by status as the spec writes it. */
export const responseValidators: {
  readonly listAgentSessions: { readonly "200": ResponseValidator; readonly "400": ResponseValidator; readonly "401": ResponseValidator; readonly "403": ResponseValidator; readonly "404": ResponseValidator; readonly "429": ResponseValidator; };
  readonly getAgentSession: { readonly "200": ResponseValidator; readonly "403": ResponseValidator; readonly "404": ResponseValidator; };
} = {
  listAgentSessions: { "200": validate_components_schemas_ListAgentSessionsResponse, "400": validate_components_schemas_BadRequestError, "401": validate_components_schemas_Error, "403": validate_components_schemas_Error, "404": validate_components_schemas_NotFoundError, "429": validate_components_schemas_Error },
  getAgentSession: { "200": validate_components_schemas_AgentSession, "403": validate_components_schemas_Error, "404": validate_components_schemas_NotFoundError },
};
